@testable import RapportImport
import Testing

@Suite("Time zones from a country and a city")
struct CountryTimeZonesTests {
    @Test("a city names its zone, a state picks its main one, a country with one zone needs neither",
          arguments: [
            ("AU", "Melbourne", nil, "Australia/Melbourne"), ("US", "New York", nil, "America/New_York"),
            ("AR", "buenos aires", nil, "America/Argentina/Buenos_Aires"), ("US", "Springfield", "IL", "America/Chicago"),
            ("US", "Springfield", "Illinois", "America/Chicago"), ("GB", "Leeds", nil, "Europe/London"), ("IN", nil, nil, "Asia/Kolkata"), ("NZ", "Auckland", nil, "Pacific/Auckland"),
          ] as [(String, String?, String?, String)])
    func zones(country: String, city: String?, state: String?, expected: String) {
        #expect(CountryTimeZones.system.zone(country: country, city: city, state: state) == expected)
    }

    @Test("a country of several zones with nothing to say which gives none")
    func unknown() {
        #expect(CountryTimeZones.system.zone(country: "US", city: "Springfield") == nil)
        #expect(CountryTimeZones.system.zone(country: "ZZ", city: "Nowhere") == nil)
    }
}
