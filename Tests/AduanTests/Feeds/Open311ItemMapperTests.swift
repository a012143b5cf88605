import AduanCore
import Foundation
import Testing

/// Open311 requests become complaints of the poller's source, and their changes updates applied once each.
@Suite("Open311 items")
struct Open311ItemMapperTests {
    let mapper = Open311ItemMapper(source: "kota-serang-311")
    let now = Date(timeIntervalSince1970: 1_773_716_400)

    @Test("a new request is a complaint: service name as text without a description, the request's time and place")
    func complaintFromSpecificationExample() throws {
        let item = try mapper.complaint(from: Open311ResponseDecoderTests.firstExample, receivedDefault: now).get()
        let expected = Complaint(
            source: "kota-serang-311",
            externalID: "638344",
            title: "Sidewalk and Curb Issues",
            text: "Sidewalk and Curb Issues",
            channel: .open311,
            location: GeoLocation(latitude: 37.762221815, longitude: -122.4651145, address: "8TH AVE and JUDAH ST"),
            receivedAt: RFC3339.parse("2010-04-14T14:37:38Z")!
        )
        guard case .complaint(let complaint) = item else {
            Issue.record("not a complaint: \(item)")
            return
        }
        #expect(complaint == expected)
    }

    @Test("the region comes from the most general part of the address that names one")
    func region() throws {
        var request = Open311Request(serviceRequestID: "9")
        request.description = "Lampu jalan mati"
        request.address = "Jl. Ahmad Yani No. 5, Cipocok Jaya, Kota Serang, Banten 42121"
        guard case .complaint(let complaint) = try mapper.complaint(from: request, receivedDefault: now).get() else {
            Issue.record("not a complaint")
            return
        }
        #expect(complaint.text == "Lampu jalan mati")
        #expect(complaint.title == nil)
        #expect(complaint.regionText == "Kota Serang")
        #expect(complaint.region?.code == "36.73")
        #expect(complaint.receivedAt == now)
    }

    @Test(
        "a request that cannot be a complaint says why, with its id",
        arguments: [
            ("", "the request has neither 'description' nor 'service_name'"),
            ("14/04/2010", "'requested_datetime' is not a date-time with a zone: '14/04/2010'"),
        ]
    )
    func invalidComplaint(requested: String, reason: String) {
        var request = Open311Request(serviceRequestID: "9")
        if !requested.isEmpty {
            request.description = "x"
            request.requestedDatetime = requested
        }
        #expect(mapper.complaint(from: request, receivedDefault: now).failure == SpoolItemError(reason, id: "9"))
    }

    @Test("a closed request resolves the case, once per change, and its quarantine line reads back the same")
    func closedUpdate() throws {
        guard case .update(let update) = try mapper.update(from: Open311ResponseDecoderTests.firstExample).get() else {
            Issue.record("not an update")
            return
        }
        #expect(update.externalID == "638344@2010-04-14T14:37:38Z")
        #expect(update.target == .complaint(source: "kota-serang-311", externalID: "638344"))
        #expect(update.status == .resolved)
        #expect(update.note == "Duplicate request.")
        let reread = SpoolItemDecoder(source: "kota-serang-311")
            .decode(Array(update.originalLine.utf8), receivedDefault: now)
        guard case .success(.update(var again)) = reread else {
            Issue.record("original line not readable: \(update.originalLine)")
            return
        }
        again.originalLine = update.originalLine
        #expect(again == update)
    }

    @Test(
        "an open request changes no state and leaves a note; without a time its status names the change",
        arguments: [
            ("open", "2010-04-19T06:37:38.250-08:00", nil, "638349@2010-04-19T14:37:38Z", nil, "Open311 status: open"),
            ("open", nil, "Dijadwalkan", "638349@open", nil, "Dijadwalkan"),
            ("Closed", nil, nil, "638349@Closed", CaseState.resolved, nil),
            (
                "acknowledged", "2010-04-19T14:37:38Z", nil, "638349@2010-04-19T14:37:38Z", nil,
                "Open311 status: acknowledged"
            ),
        ] as [(String, String?, String?, String, CaseState?, String?)]
    )
    func statusUpdates(
        status: String,
        updated: String?,
        notes: String?,
        externalID: String,
        state: CaseState?,
        note: String?
    ) throws {
        var request = Open311Request(serviceRequestID: "638349")
        request.status = status
        request.updatedDatetime = updated
        request.statusNotes = notes
        guard case .update(let update) = try mapper.update(from: request).get() else {
            Issue.record("not an update")
            return
        }
        #expect(update.externalID == externalID)
        #expect(update.status == state)
        #expect(update.note == note)
    }

    @Test("a request without a time or status gives no update, with the reason")
    func noChange() {
        #expect(
            mapper.update(from: Open311Request(serviceRequestID: "5")).failure
                == SpoolItemError("the request has neither 'updated_datetime' nor 'status'", id: "5")
        )
    }

    @Test(
        "date-times are read with or without fractions, with Z or offsets, in the forms servers write",
        arguments: [
            ("2010-04-14T06:37:38-08:00", "2010-04-14T14:37:38Z"),
            ("2010-04-14T14:37:38Z", "2010-04-14T14:37:38Z"),
            ("2010-04-14T14:37:38.123456Z", "2010-04-14T14:37:38Z"),
            ("2010-04-14T21:37:38.5+07:00", "2010-04-14T14:37:38Z"),
            ("2010-04-14T21:37:38+0700", "2010-04-14T14:37:38Z"),
            ("2010-04-14T21:37:38+07", "2010-04-14T14:37:38Z"),
            ("2010-04-14T21:37+07:00", "2010-04-14T14:37:00Z"),
        ]
    )
    func dateTimes(text: String, utc: String) {
        #expect(Open311DateTime.parse(text).map(RFC3339.format) == utc)
    }

    @Test(
        "date-times without a zone or not dates at all are refused",
        arguments: ["2010-04-14T06:37:38", "2010-04-14", "kemarin", ""]
    )
    func invalidDateTimes(text: String) {
        #expect(Open311DateTime.parse(text) == nil)
    }
}
