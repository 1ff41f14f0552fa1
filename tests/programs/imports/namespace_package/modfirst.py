KIND = "module file"
