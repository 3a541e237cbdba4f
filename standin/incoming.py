"""What users do: the updates a user's message, edit or button press puts in the queue.

Every action moves the chat's wait cursor to "now", so a wait_for_bot_message after it sees
only what the bot did in answer.
"""

from __future__ import annotations

import copy
import time
from dataclasses import replace
from typing import Any

from standin.model import ChatMessage
from standin.state import BotApiState, Chat, Query


def _chat(state: BotApiState, chat_id: int) -> Chat:
    chat = state.chats.get(chat_id)
    if chat is None:
        raise ValueError(f"there is no chat {chat_id} yet: let the user send a message first")
    return chat


def user_message(
    state: BotApiState, user_id: int, chat_id: int, chat_type: str, content: dict[str, Any]
) -> int:
    """Store a message from a user and queue the update; returns its message id."""
    with state.lock:
        sender = state.user(user_id)
        chat = state.chat(chat_id, chat_type, user_id)
        message_id = chat.next_message_id
        chat.next_message_id += 1
        now = int(time.time())
        api = {"message_id": message_id, "date": now, "chat": dict(chat.api), "from": sender}
        api.update(content)
        chat.messages[message_id] = ChatMessage(
            chat_id=chat_id,
            message_id=message_id,
            from_bot=False,
            date=now,
            text=content.get("text"),
            caption=content.get("caption"),
            api=api,
        )
        chat.cursor = max(chat.cursor, state.seq)
        state.enqueue({"message": copy.deepcopy(api)})
        return message_id


def user_edit(state: BotApiState, user_id: int, chat_id: int, message_id: int, text: str) -> int:
    with state.lock:
        chat = _chat(state, chat_id)
        old = chat.messages.get(message_id)
        if old is None or old.from_bot or old.api.get("from", {}).get("id") != user_id:
            raise ValueError(f"user {user_id} has no message {message_id} in chat {chat_id}")
        now = int(time.time())
        api = {**copy.deepcopy(old.api), "text": text, "edit_date": now}
        chat.messages[message_id] = replace(
            old, text=text, edit_date=now, edits=old.edits + 1, api=api
        )
        chat.cursor = max(chat.cursor, state.seq)
        return state.enqueue({"edited_message": copy.deepcopy(api)})


def press(
    state: BotApiState,
    user_id: int,
    chat_id: int,
    message_id: int,
    data: str,
    *,
    strict: bool = True,
) -> str:
    with state.lock:
        chat = _chat(state, chat_id)
        message = chat.messages.get(message_id)
        if message is None or not message.from_bot:
            raise ValueError(f"no bot message {message_id} in chat {chat_id}")
        if strict and data not in message.callback_data:
            raise ValueError(
                f"message {message_id} has no button with callback_data {data!r} "
                f"(buttons: {message.callback_data}); pass strict=False to send it anyway"
            )
        query_id = state.new_query_id()
        state.queries[query_id] = Query(chat_id, message_id, data)
        chat.cursor = max(chat.cursor, state.seq)
        state.enqueue(
            {
                "callback_query": {
                    "id": query_id,
                    "from": state.user(user_id),
                    "message": copy.deepcopy(message.api),
                    "chat_instance": str(chat_id),
                    "data": data,
                }
            }
        )
        return query_id
