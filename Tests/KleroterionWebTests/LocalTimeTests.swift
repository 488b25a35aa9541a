import Foundation
import Testing
@testable import KleroterionWeb

@Suite("Web app: moments as the pages show and read them")
struct LocalTimeTests {
    @Test("A datetime-local value reads back as itself; what names no moment is refused")
    func readsBack() throws {
        for value in ["2026-12-02T14:05", "2027-01-01T00:00", "2028-02-29T23:59"] {
            let date = try #require(LocalTime.parse(value), "\(value)")
            #expect(DrawRoutes.local(date) == value)
            #expect(date.shown == value.replacingOccurrences(of: "T", with: " ") && date.day == String(value.prefix(10)))
        }
        for bad in ["", "2026-13-01T10:00", "2026-04-31T10:00", "2027-02-29T10:00", "2026-12-02 14:05x", "2026-12-02T25:00",
                    "2026-12-02", "morgen", "2026-12-02T14:5"] {
            #expect(LocalTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("The minute shown is the minute of the moment, in local time")
    func minutes() throws {
        let date = try #require(LocalTime.parse("2026-06-30T08:07"))
        let later = date.addingTimeInterval(59)
        #expect(later.shown == "2026-06-30 08:07" && later.addingTimeInterval(1).shown == "2026-06-30 08:08")
    }
}
