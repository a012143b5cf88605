import Foundation

/// The GeoReport v2 specification's own examples, copied byte for byte from its "GET Service Requests" and
/// "Errors" sections (shared/reference/open311-georeport-v2.md).
enum Open311Fixtures {
    /// `GET requests.xml`: two requests.
    static let requestsXML = #"""
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>638344</service_request_id>
                <status>closed</status>
                <status_notes>Duplicate request.</status_notes>
                <service_name>Sidewalk and Curb Issues</service_name>
                <service_code>006</service_code>
                <description></description>
                <agency_responsible></agency_responsible>
                <service_notice></service_notice>
                <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
                <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
                <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
                <address>8TH AVE and JUDAH ST</address>
                <address_id>545483</address_id>
                <zipcode>94122</zipcode>
                <lat>37.762221815</lat>
                <long>-122.4651145</long>
                <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg </media_url>
            </request>
            <request>
                <service_request_id>638349</service_request_id>
                <status>open</status>
                <status_notes></status_notes>
                <service_name>Sidewalk and Curb Issues</service_name>
                <service_code>006</service_code>
                <description></description>
                <agency_responsible></agency_responsible>
                <service_notice></service_notice>
                <requested_datetime>2010-04-19T06:37:38-08:00</requested_datetime>
                <updated_datetime>2010-04-19T06:37:38-08:00</updated_datetime>
                <expected_datetime>2010-04-19T06:37:38-08:00</expected_datetime>
                <address>8TH AVE and JUDAH ST</address>
                <address_id>545483</address_id>
                <zipcode>94122</zipcode>
                <lat>37.762221815</lat>
                <long>-122.4651145</long>
                <media_url>http://city.gov.s3.amazonaws.com/requests/media/638349.jpg </media_url>
            </request>
        </service_requests>
        """#

    /// `GET requests.json` as the specification prints it: `"service_code":006` is not valid JSON.
    static let requestsJSON = #"""
        [
          {
            "service_request_id":638344,
            "status":"closed",
            "status_notes":"Duplicate request.",
            "service_name":"Sidewalk and Curb Issues",
            "service_code":006,
            "description":null,
            "agency_responsible":null,
            "service_notice":null,
            "requested_datetime":"2010-04-14T06:37:38-08:00",
            "updated_datetime":"2010-04-14T06:37:38-08:00",
            "expected_datetime":"2010-04-15T06:37:38-08:00",
            "address":"8TH AVE and JUDAH ST",
            "address_id":545483,
            "zipcode":94122,
            "lat":37.762221815,
            "long":-122.4651145,
            "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg "
          },
          {
            "service_request_id":638349,
            "status":"open",
            "status_notes":null,
            "service_name":"Sidewalk and Curb Issues",
            "service_code":006,
            "description":null,
            "agency_responsible":null,
            "service_notice":null,
            "requested_datetime":"2010-04-19T06:37:38-08:00",
            "updated_datetime":"2010-04-19T06:37:38-08:00",
            "expected_datetime":"2010-04-19T06:37:38-08:00",
            "address":"8TH AVE and JUDAH ST",
            "address_id":545483,
            "zipcode":94122,
            "lat":37.762221815,
            "long":-122.4651145,
            "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638349.jpg"
          }
        ]
        """#

    /// The same JSON with the number written as the string the XML example holds.
    static let requestsJSONQuoted = requestsJSON.replacingOccurrences(
        of: #""service_code":006"#,
        with: #""service_code":"006""#
    )

    /// The error response in XML (body only; the example prints the HTTP status line above it).
    static let errorsXML = #"""
        <?xml version="1.0" encoding="utf-8"?>
        <errors>
            <error>
                <code>403</code>
                <description>Invalid api_key received -- can't proceed with create_request.</description>
            </error>
        </errors>
        """#

    /// The error response in JSON (body only).
    static let errorsJSON = #"""
        [
          {
            "code":403,
            "description":"Invalid api_key received -- can't proceed with create_request."
          }
        ]
        """#
}
