# app: a package (lesson 33)
