import AduanCore
import Foundation
import Testing

/// The poll URL for a window: parameters named as the specification and its pagination extension name them.
@Suite("Open311 query")
struct Open311QueryTests {
    let start = RFC3339.parse("2010-05-24T07:00:00+07:00")!
    let end = RFC3339.parse("2010-06-24T00:00:00Z")!

    @Test("a window by request time reads like the specification's sample URL")
    func specificationSample() {
        let query = Open311Query(
            baseURL: "https://api.city.gov/dev/v2",
            format: .xml,
            jurisdictionID: "city.gov",
            start: start,
            end: end
        )
        #expect(
            query.url
                == "https://api.city.gov/dev/v2/requests.xml?jurisdiction_id=city.gov&start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z"
        )
    }

    @Test("updated_after, a page and an API key with reserved characters are encoded; the base's query is kept")
    func updatedAfterAndEncoding() {
        let query = Open311Query(
            baseURL: "https://lapor.example.id/open311/v2/?tenant=banten",
            apiKey: "k3y+/= &é",
            start: start,
            end: end,
            page: 2,
            pageSize: 500,
            usesUpdatedAfter: true
        )
        #expect(
            query.url
                == "https://lapor.example.id/open311/v2/requests.json?tenant=banten&api_key=k3y%2B%2F%3D%20%26%C3%A9&updated_after=2010-05-24T00:00:00Z&updated_before=2010-06-24T00:00:00Z&page=2&page_size=500"
        )
        #expect(URL(string: query.url) != nil)
    }
}
