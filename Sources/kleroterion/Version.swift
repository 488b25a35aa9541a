// The version `kleroterion --version` prints, and `make deb` reads (one place).
let kleroterionVersion = "0.1.0"
