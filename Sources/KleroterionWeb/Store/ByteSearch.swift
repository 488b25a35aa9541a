#if canImport(Glibc)
import Glibc
#endif

extension UnsafeRawBufferPointer {
    /// Where `needle` first starts at or after `start` (memchr for its first byte, then memcmp: Glibc's memmem is
    /// not visible from Swift). Used for the boundaries of an upload form and the CSRF tokens in a kept page.
    func firstOffset(of needle: [UInt8], from start: Int = 0) -> Int? {
        needle.withUnsafeBytes { n -> Int? in
            guard let base = baseAddress, let first = n.first else { return nil }
            var i = start
            while count - i >= n.count {
                guard let hit = memchr(base + i, Int32(first), count - i - n.count + 1) else { return nil }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, n.baseAddress!, n.count) == 0 { return at }
                i = at + 1
            }
            return nil
        }
    }
}
