/// The eligible residents of each address, found by one counting sort over the rows (no per-address arrays
/// of arrays, which would cost tens of bytes per address at the scale of a country).
struct AddressGroups {
    /// Residents of address a are `rows[start[a]..<start[a + 1]]`, in register order.
    let start: [Int]
    let rows: [Int32]

    init(census: RegisterCensus) {
        var start = [Int](repeating: 0, count: census.addressCount + 1)
        for a in census.rowAddress where a >= 0 { start[Int(a) + 1] += 1 }
        for a in 0..<census.addressCount { start[a + 1] += start[a] }
        var next = start
        var rows = [Int32](repeating: 0, count: start[census.addressCount])
        for (r, a) in census.rowAddress.enumerated() where a >= 0 {
            rows[next[Int(a)]] = Int32(r)
            next[Int(a)] += 1
        }
        self.start = start
        self.rows = rows
    }

    func members(of a: Int) -> ArraySlice<Int32> { rows[start[a]..<start[a + 1]] }
    func count(of a: Int) -> Int { start[a + 1] - start[a] }
}
