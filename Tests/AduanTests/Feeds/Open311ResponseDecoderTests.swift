import AduanCore
import Foundation
import Testing

/// GeoReport v2 responses as the specification prints them and as real servers send them.
@Suite("Open311 responses")
struct Open311ResponseDecoderTests {
    func decode(_ body: String, _ format: Open311Format = .json) -> Result<[Open311Request], Open311Error> {
        Open311ResponseDecoder.requests(from: Array(body.utf8), format: format)
    }

    /// The specification's first example request, as both of its forms must read.
    static var firstExample: Open311Request {
        var request = Open311Request(serviceRequestID: "638344")
        request.status = "closed"
        request.statusNotes = "Duplicate request."
        request.serviceName = "Sidewalk and Curb Issues"
        request.serviceCode = "006"
        request.requestedDatetime = "2010-04-14T06:37:38-08:00"
        request.updatedDatetime = "2010-04-14T06:37:38-08:00"
        request.expectedDatetime = "2010-04-15T06:37:38-08:00"
        request.address = "8TH AVE and JUDAH ST"
        request.addressID = "545483"
        request.zipcode = "94122"
        request.latitude = 37.762221815
        request.longitude = -122.4651145
        request.mediaURL = "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"
        return request
    }

    @Test("the specification's XML example yields both requests with every field")
    func specificationXML() throws {
        let requests = try decode(Open311Fixtures.requestsXML, .xml).get()
        #expect(requests.map(\.serviceRequestID) == ["638344", "638349"])
        #expect(requests[0] == Self.firstExample)
        #expect(requests[1].status == "open")
        #expect(requests[1].statusNotes == nil)
    }

    @Test("the specification's JSON example is refused: 006 is not a JSON number")
    func specificationJSONIsInvalid() {
        #expect(
            decode(Open311Fixtures.requestsJSON).failure
                == .invalidResponse(
                    #"invalid JSON near line 7, column 21 ("service_code":006,): number with leading zero"#
                )
        )
        #expect(
            decode(Open311Fixtures.requestsJSON).failure?.description
                == #"not a GeoReport v2 response: invalid JSON near line 7, column 21 ("service_code":006,): number with leading zero"#
        )
    }

    @Test("the JSON example with the code quoted reads exactly as the XML example")
    func specificationJSONQuoted() throws {
        let fromJSON = try decode(Open311Fixtures.requestsJSONQuoted).get()
        let fromXML = try decode(Open311Fixtures.requestsXML, .xml).get()
        #expect(fromJSON == fromXML)
    }

    @Test(
        "the server's error reaches the caller in its words, in every shape",
        arguments: [
            (Open311Fixtures.errorsJSON, Open311Format.json),
            (Open311Fixtures.errorsXML, .xml),
            (#"{"code":403,"description":"Invalid api_key received -- can't proceed with create_request."}"#, .json),
            (
                #"{"errors":[{"code":"403","description":"Invalid api_key received -- can't proceed with create_request."}]}"#,
                .json
            ),
            (
                #"{"errors":{"error":{"code":403,"description":"Invalid api_key received -- can't proceed with create_request."}}}"#,
                .json
            ),
            (
                "<error><code>403</code><description>Invalid api_key received -- can&apos;t proceed with create_request.</description></error>",
                .xml
            ),
        ]
    )
    func serverErrors(body: String, format: Open311Format) {
        let message = Open311ServerMessage(
            code: "403",
            description: "Invalid api_key received -- can't proceed with create_request."
        )
        #expect(decode(body, format).failure == .server([message]))
        #expect(
            decode(body, format).failure?.description
                == "the Open311 server answered with an error: 403 Invalid api_key received -- can't proceed with create_request."
        )
    }

    @Test("several error entries are all reported")
    func severalErrors() {
        let body = #"[{"code":400,"description":"jurisdiction_id was not provided"},{"code":404,"description":"x"}]"#
        #expect(
            decode(body).failure?.description
                == "the Open311 server answered with an error: 400 jurisdiction_id was not provided; 404 x"
        )
    }

    @Test("numbers where strings belong, strings where numbers belong, nulls and extra fields are read")
    func deviations() throws {
        let body = #"""
            [{"service_request_id":"A-1","service_code":12,"lat":"-6.12","long":" 106.15 ","status":null,
              "description":"  Lampu jalan mati\n","zipcode":42121, "extra":{"nested":[1,2]}}]
            """#
        let request = try #require(try decode(body).get().first)
        #expect(request.serviceRequestID == "A-1")
        #expect(request.serviceCode == "12")
        #expect(request.latitude == -6.12)
        #expect(request.longitude == 106.15)
        #expect(request.status == nil)
        #expect(request.description == "Lampu jalan mati")
        #expect(request.zipcode == "42121")
    }

    @Test("the extensions page's example with extended attributes and notes reads its standard fields")
    func extendedAttributes() throws {
        let body = #"""
            [
              {
                "service_request_id": "4944710",
                "status": "open",
                "service_name": "Street or Sidewalk Cleaning",
                "service_code": "518d5892601827e3880000c5",
                "description": "Garbage on sidewalk",
                "requested_datetime": "2015-07-27T16:24:28-07:00",
                "updated_datetime": "2015-07-27T16:24:28-07:00",
                "address": "Intersection of Mcallister St & Van Ness Ave",
                "lat": 37.7797,
                "long": -122.42,
                "attributes": [{"label": "Object", "name": "request_type", "value": "Other Loose Garbage / Debris"}],
                "extended_attributes": {"channel": "android", "x": 6006819.576650221},
                "notes": [{"datetime": "2015-07-27T16:24:19-07:00", "description": "Submitted via Android"}]
              }
            ]
            """#
        let request = try #require(try decode(body).get().first)
        #expect(request.serviceRequestID == "4944710")
        #expect(request.description == "Garbage on sidewalk")
        #expect(request.longitude == -122.42)
    }

    @Test(
        "wrapped and single-object responses are read too",
        arguments: [
            #"{"service_requests":[{"service_request_id":7}]}"#,
            #"{"service_requests":{"request":[{"service_request_id":7}]}}"#,
            #"{"service_requests":{"request":{"service_request_id":7}}}"#,
            #"{"service_request_id":7}"#,
        ]
    )
    func wrappers(body: String) throws {
        #expect(try decode(body).get().map(\.serviceRequestID) == ["7"])
    }

    @Test("an empty list is no requests")
    func emptyList() throws {
        #expect(try decode("[]").get().isEmpty)
        #expect(try decode("<service_requests>\n</service_requests>", .xml).get().isEmpty)
    }

    @Test(
        "a body that is not a list of requests is refused with the reason",
        arguments: [
            (
                "<html><body>502 Bad Gateway</body></html>", Open311Format.json,
                "invalid JSON near line 1, column 1 (<html><body>502 Bad): invalid value"
            ),
            (
                "[{\"service_request_id\":1", .json,
                "invalid JSON near the end of the body: unexpected end of file during JSON parse"
            ),
            ("", .json, "the body is empty"),
            ("\"ok\"", .json, "expected an array of service requests, found a string"),
            ("{\"status\":\"ok\"}", .json, "expected an array of service requests, found an object with keys status"),
            ("[1]", .json, "element 1 of the array is a number, expected an object"),
            ("[{\"status\":\"open\"}]", .json, "request 1 has no 'service_request_id'"),
            (
                "[{\"service_request_id\":1,\"description\":{\"x\":1}}]", .json,
                "request 1: 'description' is an object, expected text or a number"
            ),
            ("[{\"service_request_id\":1,\"lat\":\"utara\"}]", .json, "request 1: 'lat' is not a number: 'utara'"),
            ("<services/>", .xml, "expected <service_requests> or <errors>, found <services>"),
            (
                "<service_requests><request><description><b>x</b></description></request></service_requests>", .xml,
                "request 1: <description> holds elements, expected text"
            ),
            ("<service_requests><request>", .xml, "invalid XML at line 1: element <request> is not closed"),
        ]
    )
    func invalidBodies(body: String, format: Open311Format, reason: String) {
        #expect(decode(body, format).failure == .invalidResponse(reason))
    }
}
