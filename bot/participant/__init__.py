"""The participants' room: the survey in Telegram, its follow-up and the web page."""
