module envfix

go 1.24
