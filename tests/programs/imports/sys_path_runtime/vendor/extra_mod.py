WHO = "vendored"
