/// Numbers distinct byte keys (0, 1, 2, … in order of first appearance): the addresses of a register, and the
/// strata (the values of the strata columns) of its rows.
///
/// A register of 15 million residents has some 7 million addresses; a `[String: Int]` of that size costs well over
/// a gigabyte and a heap allocation per row. This table keeps each key's bytes once in one byte arena, with an
/// open-addressing hash table of 32-bit slots over it. Keys are compared byte for byte, so two different
/// addresses are never merged, whatever their hashes.
struct KeyIndex {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]          // key i is arena[offsets[i]..<offsets[i+1]]
    private var hashes: [UInt64] = []
    private var slots: [Int32]                 // 0 = empty, else key index + 1
    private var mask: Int
    /// The last key looked up and its index: registers are usually sorted by address, so consecutive rows often
    /// share a key, and this skips the hash table for them.
    private var lastKey: [UInt8] = []
    private var lastIndex = -1

    init(expected: Int = 512) {
        var capacity = 1024
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// How many distinct keys there are.
    var count: Int { hashes.count }

    /// The index of these key bytes, adding them if new.
    mutating func index(of key: [UInt8]) -> Int {
        if lastIndex >= 0 && key == lastKey { return lastIndex }
        let i = lookUp(key)
        lastKey.removeAll(keepingCapacity: true)
        lastKey.append(contentsOf: key)
        lastIndex = i
        return i
    }

    private mutating func lookUp(_ key: [UInt8]) -> Int {
        let h = KeyIndex.hash(key)
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[s]
            if v == 0 { break }
            let i = Int(v) - 1
            if hashes[i] == h && equal(i, key) { return i }
            s = (s + 1) & mask
        }
        let i = hashes.count
        precondition(i < Int(Int32.max) - 1, "more than 2 billion distinct keys")
        hashes.append(h)
        arena.append(contentsOf: key)
        offsets.append(arena.count)
        slots[s] = Int32(i + 1)
        if hashes.count * 2 > slots.count { grow() }
        return i
    }

    private func equal(_ i: Int, _ key: [UInt8]) -> Bool {
        let start = offsets[i], end = offsets[i + 1]
        guard end - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            key.withUnsafeBufferPointer { k in
                for j in 0..<k.count where a[start + j] != k[j] { return false }
                return true
            }
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for (i, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(i + 1)
        }
    }

    /// FNV-1a over the bytes, then a SplitMix64 finaliser so that the low bits (the slot) are well mixed.
    static func hash(_ key: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        key.withUnsafeBufferPointer { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 } }
        h = (h ^ (h >> 30)) &* 0xbf58_476d_1ce4_e5b9
        h = (h ^ (h >> 27)) &* 0x94d0_49bb_1331_11eb
        return h ^ (h >> 31)
    }

    /// Appends one value to a key: trimmed of ASCII spaces and tabs, ASCII letters lower-cased, after a 0x1F
    /// separator unless it is the first. So `3701 AB` ≠ `3701AB`, but `Dorpsstraat ` = `dorpsstraat`.
    static func append(_ value: UnsafeBufferPointer<UInt8>, to key: inout [UInt8], first: Bool) {
        if !first { key.append(0x1F) }
        var lo = 0, hi = value.count
        while lo < hi && (value[lo] == 0x20 || value[lo] == 0x09) { lo += 1 }
        while hi > lo && (value[hi - 1] == 0x20 || value[hi - 1] == 0x09) { hi -= 1 }
        for j in lo..<hi {
            let b = value[j]
            key.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
    }
}
