module hyeopchi

go 1.24
