"""The Bot API methods the stand-in speaks. Each takes the decoded parameters and returns the
`result` of a successful response, or raises ApiError as Telegram would answer."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from standin.markup import MAX_CAPTION, check_reply_markup, parse_text
from standin.model import ApiError, ChatMessage, SentDocument
from standin.state import BotApiState

Params = dict[str, Any]
Files = dict[str, tuple[str | None, str | None, bytes]]  # part name -> (filename, type, bytes)
Method = Callable[[BotApiState, Params, Files], Any]

_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


def _required(params: Params, name: str) -> Any:
    if params.get(name) in (None, ""):
        raise ApiError(
            400,
            "Bad Request: message text is empty"
            if name == "text"
            else f'Bad Request: parameter "{name}" is required',
        )
    return params[name]


def _int(params: Params, name: str, default: int) -> int:
    value = params.get(name, default)
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ApiError(400, f'Bad Request: parameter "{name}" must be a Number') from exc


def get_me(state: BotApiState, params: Params, files: Files) -> Any:
    return dict(state.bot_user)


def get_updates(state: BotApiState, params: Params, files: Files) -> Any:
    offset = params.get("offset")
    allowed = params.get("allowed_updates")
    return state.take_updates(
        None if offset is None else _int(params, "offset", 0),
        _int(params, "limit", 100),
        float(_int(params, "timeout", 0)),
        allowed if isinstance(allowed, list) else None,
    )


def send_message(state: BotApiState, params: Params, files: Files) -> Any:
    chat = state.existing_chat(params.get("chat_id"))
    state.check_not_blocked(chat.id)
    source = str(_required(params, "text"))
    parse_mode = params.get("parse_mode")
    text = parse_text(source, parse_mode)
    inline, other = check_reply_markup(params.get("reply_markup"))
    message = state.bot_message(
        chat,
        text=text,
        source_text=source,
        parse_mode=parse_mode,
        reply_markup=inline,
        reply_keyboard=other,
        api_extra=_reply_to(state, chat.id, params),
    )
    state.responded(chat.id, "sendMessage")
    return message.api


def _reply_to(state: BotApiState, chat_id: int, params: Params) -> dict[str, Any]:
    reply = params.get("reply_parameters") or {}
    target = reply.get("message_id") if isinstance(reply, dict) else None
    target = target or params.get("reply_to_message_id")
    original = state.message(chat_id, target) if isinstance(target, int) else None
    if target and original is None:
        raise ApiError(400, "Bad Request: message to be replied not found")
    return {"reply_to_message": original.api} if original else {}


def _edit_target(state: BotApiState, params: Params) -> tuple[Any, ChatMessage]:
    if params.get("inline_message_id"):
        raise ApiError(400, "Bad Request: inline messages are not supported by the stand-in")
    chat = state.existing_chat(params.get("chat_id"))
    state.check_not_blocked(chat.id)
    message = state.message(chat.id, params.get("message_id"))  # type: ignore[arg-type]  # no id: no message, refused below
    if message is None:
        raise ApiError(400, "Bad Request: message to edit not found")
    return chat, message


def edit_message_text(state: BotApiState, params: Params, files: Files) -> Any:
    chat, _ = _edit_target(state, params)
    source = str(_required(params, "text"))
    parse_mode = params.get("parse_mode")
    text = parse_text(source, parse_mode)
    # Without reply_markup Telegram removes the inline keyboard.
    inline, _ = check_reply_markup(params.get("reply_markup"))
    message = state.bot_edit(
        chat,
        params.get("message_id"),
        text=text,
        source_text=source,
        parse_mode=parse_mode,
        reply_markup=inline,
    )
    state.responded(chat.id, "editMessageText")
    return message.api


def edit_message_reply_markup(state: BotApiState, params: Params, files: Files) -> Any:
    chat, _ = _edit_target(state, params)
    inline, _ = check_reply_markup(params.get("reply_markup"))
    message = state.bot_edit(chat, params.get("message_id"), reply_markup=inline)
    state.responded(chat.id, "editMessageReplyMarkup")
    return message.api


def delete_message(state: BotApiState, params: Params, files: Files) -> Any:
    chat = state.existing_chat(params.get("chat_id"))
    state.bot_delete(chat, params.get("message_id"))
    state.responded(chat.id, "deleteMessage")
    return True


def answer_callback_query(state: BotApiState, params: Params, files: Files) -> Any:
    text = params.get("text")
    if text is not None and len(str(text)) > 200:
        raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
    state.answer_query(
        _required(params, "callback_query_id"), text, bool(params.get("show_alert", False))
    )
    return True


def send_document(state: BotApiState, params: Params, files: Files) -> Any:
    return _send_file(state, params, files, "document")


def send_photo(state: BotApiState, params: Params, files: Files) -> Any:
    """A photo (e.g. a QR code); kept like a document, so tests can read the uploaded bytes."""
    return _send_file(state, params, files, "photo")


def _send_file(state: BotApiState, params: Params, files: Files, kind: str) -> Any:
    chat = state.existing_chat(params.get("chat_id"))
    state.check_not_blocked(chat.id)
    document = params.get(kind)
    if document in (None, "") and kind not in files:
        raise ApiError(400, f'Bad Request: parameter "{kind}" is required')
    part = kind
    if isinstance(document, str) and document.startswith("attach://"):
        part = document[len("attach://") :]
    if part in files:
        filename, mime_type, data = files[part]
    elif isinstance(document, str):
        filename, mime_type, data = None, None, b""  # a file_id or URL: nothing uploaded
    else:
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
    if part in files and not data:
        raise ApiError(400, "Bad Request: file must be non-empty")
    caption = params.get("caption")
    if caption is not None:
        caption = parse_text(str(caption), params.get("parse_mode"), limit=MAX_CAPTION)
    inline, other = check_reply_markup(params.get("reply_markup"))
    file_id = state.new_file_id()
    api_file: dict[str, Any] = {
        "file_id": file_id,
        "file_unique_id": file_id,
        "file_size": len(data),
    }
    if kind == "photo":
        extra: dict[str, Any] = {"photo": [{**api_file, "width": 512, "height": 512}]}
    else:
        if filename:
            api_file["file_name"] = filename
        if mime_type:
            api_file["mime_type"] = mime_type
        extra = {"document": api_file}
    sent = SentDocument(chat.id, 0, filename, mime_type, data, caption, file_id)
    message = state.bot_message(
        chat,
        caption=caption,
        reply_markup=inline,
        reply_keyboard=other,
        document=sent,
        api_extra=extra,
    )
    state.responded(chat.id, "sendPhoto" if kind == "photo" else "sendDocument")
    return message.api


def send_chat_action(state: BotApiState, params: Params, files: Files) -> Any:
    chat = state.existing_chat(params.get("chat_id"))
    _required(params, "action")
    state.responded(chat.id, "sendChatAction")
    return True


def _commands_key(params: Params) -> str:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True) + "|" + str(params.get("language_code") or "")


def set_my_commands(state: BotApiState, params: Params, files: Files) -> Any:
    commands = _required(params, "commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise ApiError(400, "Bad Request: can't parse commands JSON object")
    for command in commands:
        name = str(command.get("command", "")) if isinstance(command, dict) else ""
        description = str(command.get("description", "")) if isinstance(command, dict) else ""
        if not _COMMAND.match(name) or not 1 <= len(description) <= 256:
            raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
    with state.lock:
        state.commands[_commands_key(params)] = [dict(c) for c in commands]
    return True


def get_my_commands(state: BotApiState, params: Params, files: Files) -> Any:
    with state.lock:
        return list(state.commands.get(_commands_key(params), []))


def delete_my_commands(state: BotApiState, params: Params, files: Files) -> Any:
    with state.lock:
        state.commands.pop(_commands_key(params), None)
    return True


def set_webhook(state: BotApiState, params: Params, files: Files) -> Any:
    """Deliveries go to `url` from now on (standin/webhook.py); loopback only."""
    url = str(params.get("url") or "")
    if not url:
        return delete_webhook(state, params, files)
    if not url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
        raise ApiError(400, "Bad Request: the stand-in delivers webhooks on loopback only")
    secret = str(params.get("secret_token") or "")
    if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ApiError(400, "Bad Request: secret token contains unallowed characters")
    allowed = params.get("allowed_updates")
    with state.lock:
        state.webhook = {"url": url, "secret_token": secret}
        if isinstance(allowed, list):
            state.set_allowed(allowed)
        if params.get("drop_pending_updates"):
            state.drop_pending()
        state.changed.notify_all()
    return True


def delete_webhook(state: BotApiState, params: Params, files: Files) -> Any:
    with state.lock:
        state.webhook = None
        if params.get("drop_pending_updates"):
            state.drop_pending()
        state.changed.notify_all()
    return True


def get_webhook_info(state: BotApiState, params: Params, files: Files) -> Any:
    with state.lock:
        url = state.webhook["url"] if state.webhook else ""
    return {
        "url": url,
        "has_custom_certificate": False,
        "pending_update_count": state.pending_updates(),
    }


def get_file(state: BotApiState, params: Params, files: Files) -> Any:
    """As Telegram: the file's path, to be downloaded from <server>/file/bot<token>/<path>."""
    file_id = str(_required(params, "file_id"))
    with state.lock:
        data = state.user_files.get(file_id)
    if data is None:
        raise ApiError(400, "Bad Request: invalid file_id")
    return {
        "file_id": file_id,
        "file_unique_id": file_id,
        "file_size": len(data),
        "file_path": f"photos/{file_id}.jpg",
    }


def _true(state: BotApiState, params: Params, files: Files) -> Any:
    return True


METHODS: dict[str, Method] = {
    name.lower(): method
    for name, method in {
        "getMe": get_me,
        "getUpdates": get_updates,
        "sendMessage": send_message,
        "editMessageText": edit_message_text,
        "editMessageReplyMarkup": edit_message_reply_markup,
        "deleteMessage": delete_message,
        "answerCallbackQuery": answer_callback_query,
        "sendDocument": send_document,
        "sendPhoto": send_photo,
        "sendChatAction": send_chat_action,
        "getFile": get_file,
        "setMyCommands": set_my_commands,
        "getMyCommands": get_my_commands,
        "deleteMyCommands": delete_my_commands,
        "setWebhook": set_webhook,
        "deleteWebhook": delete_webhook,
        "getWebhookInfo": get_webhook_info,
        "close": _true,
        "logOut": _true,
    }.items()
}


def call(state: BotApiState, method: str, params: Params, files: Files) -> Any:
    handler = METHODS.get(method.lower())
    if handler is None:
        raise ApiError(404, f"Not Found: method {method}")
    return handler(state, params, files)
