import AduanCore

/// A holiday file's text as a calendar block names it: parsed as iCalendar and as a dated list, after the UTF-8
/// check and the byte order mark a rules load strips.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHolidays(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let read = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else {
        return 0
    }
    let text = read.hasPrefix("\u{FEFF}") ? String(read.dropFirst()) : read
    do throws(CalendarError) {
        _ = try HolidayCalendar.parseICS(text)
    } catch {
        FuzzExpectation.oneLine(error.description, "iCalendar error")
    }
    do throws(CalendarError) {
        _ = try HolidayCalendar.parseList(text)
    } catch {
        FuzzExpectation.oneLine(error.description, "holiday list error")
    }
    return 0
}
