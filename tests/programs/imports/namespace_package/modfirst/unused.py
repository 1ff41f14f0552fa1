KIND = "never"
