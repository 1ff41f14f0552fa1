class ConfigError(Exception):
    pass

def read_setting(settings, name):
    try:
        return settings[name]
    except KeyError as e:
        raise ConfigError("setting " + repr(name) + " is required") from e

settings = {"debug": True}
print(read_setting(settings, "debug"))
read_setting(settings, "port")
