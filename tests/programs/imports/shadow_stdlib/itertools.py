LOCAL = "never imported"
