VALUE = "namespace child"
