import Foundation
import RapportFormats
import Testing

/// Files under Fixtures/schemaorg: the JobPosting-related examples of schema.org's release 30.0 (Apache-2.0; see
/// SOURCE.txt), with the index of which property each one shows.
enum SchemaOrgFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schemaorg")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(name)) }

    /// Each example's name and the types it shows, from INDEX.tsv.
    static func index() throws -> [(name: String, types: String)] {
        try String(decoding: data("INDEX.tsv"), as: UTF8.self).split(separator: "\n").map { line in
            let columns = line.split(separator: "\t").map(String.init)
            return (columns[0], columns[1])
        }
    }
}

@Suite("schema.org JobPosting: reading")
struct SchemaOrgJobPostingTests {
    @Test("each of schema.org's 15 examples: a JobPosting reads, anything else is named for what it is")
    func officialExamples() throws {
        let examples = try SchemaOrgFixtures.index()
        #expect(examples.count == 15)
        var read = 0
        for example in examples {
            let data = try SchemaOrgFixtures.data(example.name + ".jsonld")
            if example.types.contains("JobPosting") {
                let postings = try SchemaOrgJobPosting.postings(in: data)
                #expect(postings.count == 1, "\(example.name)")
                let (posting, _) = try SchemaOrgJobPosting.read(postings[0])
                #expect(posting.title != nil || !posting.applicantLocations.isEmpty, "\(example.name)")
                read += 1
            } else {
                let error = #expect(throws: FormatError.self, "\(example.name)") { _ = try SchemaOrgJobPosting.postings(in: data) }
                #expect(error?.message.contains("no schema.org JobPosting") == true, "\(example.name): \(error?.message ?? "")")
            }
        }
        #expect(read == 5)
    }

    @Test("eg-0028: salary as a bare figure with salaryCurrency, location without a country, skills as prose")
    func classic() throws {
        let postings = try SchemaOrgJobPosting.postings(in: SchemaOrgFixtures.data("eg-0028.jsonld"))
        let (posting, issues) = try SchemaOrgJobPosting.read(postings[0])
        #expect(issues.isEmpty, "\(issues)")
        #expect(posting.title == "Software Engineer" && posting.industry == "Computer Software")
        #expect(posting.employment == [.fullTime])
        #expect(posting.locations == [SchemaOrgJobPosting.Place(locality: "Kirkland", region: "WA")])
        #expect(posting.salary == .stated(.init(minimum: 100_000, maximum: 100_000, currency: "USD", dollar: false, period: nil)))
        #expect(posting.skills.isEmpty && posting.skillsProse?.contains("Java/J2EE") == true)
        #expect(posting.experienceMonths == 36 && posting.datePosted?.description == "2011-10-31")
    }

    @Test("eg-0268 and eg-0465: a posting's name read as its title; applicant countries; months of experience")
    func fragments() throws {
        let remote = try SchemaOrgJobPosting.read(SchemaOrgJobPosting.postings(in: SchemaOrgFixtures.data("eg-0268.jsonld"))[0])
        #expect(remote.posting.title == "Telecommute from anywhere in USA!")
        #expect(remote.posting.applicantLocations == [.init(kind: .country, name: "USA")])
        #expect(remote.issues.map(\.field) == ["/title"])
        let experience = try SchemaOrgJobPosting.read(SchemaOrgJobPosting.postings(in: SchemaOrgFixtures.data("eg-0465.jsonld"))[0])
        #expect(experience.posting.experienceMonths == 60 && experience.posting.educationRequirements == ["bachelor degree"])
    }

    @Test("a careers page: JSON-LD inside HTML, a @graph with the organisation by @id, HTML description, TELECOMMUTE, a pay range")
    func careersPage() throws {
        let page = #"""
            <!doctype html><html><head><title>Jobs</title>
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "Organization", "@id": "#org", "name": "Kiwi Cloud Ltd", "sameAs": "https://kiwicloud.example"},
              {"@type": "WebPage", "@id": "#page"},
              {"@type": "JobPosting", "title": "Senior Site Reliability Engineer",
               "description": "&lt;p&gt;Run our &lt;b&gt;Kubernetes&lt;/b&gt; fleet.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Terraform&lt;/li&gt;&lt;li&gt;Go &amp;amp; Python&lt;/li&gt;&lt;/ul&gt;",
               "identifier": {"@type": "PropertyValue", "name": "Kiwi Cloud", "value": "SRE-42"},
               "datePosted": "2026-11-20T09:00:00+13:00", "validThrough": "2027-01-31T23:59",
               "hiringOrganization": {"@id": "#org"}, "employmentType": ["FULL_TIME", "Contract"],
               "jobLocationType": "TELECOMMUTE",
               "applicantLocationRequirements": [{"@type": "Country", "name": "New Zealand"}, {"@type": "State", "name": "New South Wales"}],
               "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Wellington",
                               "addressCountry": {"@type": "Country", "name": "NZ"}}},
               "baseSalary": {"@type": "MonetaryAmount", "currency": "NZD",
                              "value": {"@type": "QuantitativeValue", "minValue": 150000, "maxValue": "180,000", "unitText": "YEAR"}},
               "skills": [{"@type": "DefinedTerm", "name": "Kubernetes"}, "Terraform"],
               "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 84},
               "totalJobOpenings": 2}
            ]}</script></head><body><script>var x = 1;</script></body></html>
            """#
        let postings = try SchemaOrgJobPosting.postings(in: Data(page.utf8))
        #expect(postings.count == 1)
        let (posting, issues) = try SchemaOrgJobPosting.read(postings[0])
        #expect(issues.isEmpty, "\(issues)")
        #expect(posting.organization == "Kiwi Cloud Ltd" && posting.organizationURL == "https://kiwicloud.example")
        #expect(posting.description == "Run our Kubernetes fleet.\n\n• Terraform\n• Go & Python")
        #expect(posting.identifier == "Kiwi Cloud:SRE-42" && posting.openings == 2)
        #expect(posting.datePosted?.description == "2026-11-20" && posting.validThrough?.description == "2027-01-31")
        #expect(posting.employment == [.fullTime, .contractor] && posting.telecommute)
        #expect(posting.applicantLocations == [.init(kind: .country, name: "New Zealand"), .init(kind: .state, name: "New South Wales")])
        #expect(posting.locations == [.init(locality: "Wellington", country: "NZ")])
        #expect(posting.salary == .stated(.init(minimum: 150_000, maximum: 180_000, currency: "NZD", dollar: false, period: .year)))
        #expect(posting.skills == ["Kubernetes", "Terraform"] && posting.experienceMonths == 84)
    }

    @Test("salary text in baseSalary, wrong shapes reported at their pointer and the rest kept")
    func messy() throws {
        let (posting, issues) = try SchemaOrgJobPosting.read(JSONValue.parse(Data(#"""
            {"@type": ["JobPosting"], "title": "Data Engineer", "baseSalary": "$3.5k–$4.9k/mo", "salaryCurrency": "SGD",
             "employmentType": "Zero hours", "jobLocationType": "REMOTE", "datePosted": "last week", "totalJobOpenings": "lots",
             "skills": "Python, SQL, Apache Spark", "experienceRequirements": "Minimum 4 yrs building pipelines",
             "jobLocation": [{"@type": "Place", "address": "Singapore"}, {"@type": "Place"}]}
            """#.utf8)))
        #expect(posting.salary == .stated(.init(minimum: 3_500, maximum: 4_900, currency: "SGD", dollar: false, period: .month)))
        #expect(posting.employment.isEmpty && !posting.telecommute && posting.datePosted == nil && posting.openings == nil)
        #expect(posting.skills == ["Python", "SQL", "Apache Spark"] && posting.experienceMonths == 48)
        #expect(posting.locations == [.init(locality: "Singapore")])
        #expect(Set(issues.map(\.field)) == ["/employmentType", "/jobLocationType", "/datePosted", "/totalJobOpenings", "/jobLocation/1"])
        #expect(issues.allSatisfy { $0.severity == .warning })
    }

    @Test("files that hold no posting, or no JSON, each get a reason")
    func refusals() throws {
        let cases: [(String, String)] = [
            (#"{"@type": "Person", "name": "Ada"}"#, "only Person"),
            ("<html><body>No data here</body></html>", "without a <script type=\"application/ld+json\">"),
            (#"<script type="application/ld+json">{oops}</script>"#, "block (number 1) that is not valid JSON"),
            ("[1, 2]", "holds no schema.org JobPosting"),
        ]
        for (text, reason) in cases {
            let error = #expect(throws: FormatError.self) { _ = try SchemaOrgJobPosting.postings(in: Data(text.utf8)) }
            #expect(error?.message.contains(reason) == true, "\(text): \(error?.message ?? "")")
        }
        #expect(throws: FormatError.self) { _ = try SchemaOrgJobPosting.postings(in: Data([0xFF, 0xFE, 0x00])) }
        let untyped = try SchemaOrgJobPosting.postings(in: Data(#"{"title": "Tester"}"#.utf8))
        #expect(try SchemaOrgJobPosting.read(untyped[0]).issues.map(\.field) == ["/@type"])
    }

    @Test("HTML as postings write it: entities, breaks, lists, scripts taken out")
    func html() {
        #expect(HTMLText.plain("<p>One&nbsp;&amp; two</p><p></p><p>Three<br/>Four &#8211; &#x2014; &bogus;</p>")
                == "One & two\n\nThree\nFour – — &bogus;")
        #expect(HTMLText.plain("<div>Keep<script>alert(1)</script> this</div>") == "Keep this")
        #expect(HTMLText.plain("  plain text  ") == "plain text")
    }
}
