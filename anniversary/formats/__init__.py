"""The project's date formats per language (settings.FORMAT_MODULE_PATH), where Django's own
differ from how the site writes dates. Turkish and Azerbaijani keep Django's."""
