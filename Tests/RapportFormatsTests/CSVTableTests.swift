import Foundation
import RapportFormats
import Testing

@Suite("CSV exports: encodings, delimiters, columns")
struct CSVTableTests {
    static let rows = "Name,Email,Skills\r\n\"Lima, Ana\",ana@example.com,\"Go; Kubernetes\"\r\n\r\nZoë Ng,zoe@example.com,\"Says \"\"hi\"\"\nand more\"\r\n"

    @Test("UTF-8 with and without a byte-order mark, UTF-16 either way round with or without one, and Windows-1252")
    func encodings() throws {
        let text = Self.rows
        let cases: [(Data, CSVTable.Encoding)] = [
            (Data(text.utf8), .utf8),
            (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), .utf8BOM),
            (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, .utf16LittleEndian),
            (Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!, .utf16BigEndian),
            (text.data(using: .utf16LittleEndian)!, .utf16LittleEndian),
            (text.data(using: .windowsCP1252)!, .windows1252),
        ]
        for (data, encoding) in cases {
            let table = try CSVTable.read(data)
            #expect(table.encoding == encoding)
            #expect(table.header == ["Name", "Email", "Skills"], "\(encoding)")
            #expect(table.rows.map(\.number) == [2, 4], "\(encoding): the blank row 3 is left out")
            #expect(table.rows.map(\.fields) == [["Lima, Ana", "ana@example.com", "Go; Kubernetes"],
                                                 ["Zoë Ng", "zoe@example.com", "Says \"hi\"\nand more"]], "\(encoding)")
        }
        #expect(try CSVTable.read(Data(text.utf8)).reading == "Read as UTF-8 text, fields separated by commas.")
    }

    @Test("the delimiter is the one the header uses most, outside quotes", arguments: [";", "\t", "|", ","])
    func delimiters(delimiter: String) throws {
        let text = ["\"Name, full\"", "Email", "City"].joined(separator: delimiter) + "\n"
            + ["Ana", "ana@example.com", "Leeds"].joined(separator: delimiter) + "\n"
        let table = try CSVTable.read(Data(text.utf8))
        #expect(table.delimiter == Character(delimiter))
        #expect(table.header == ["Name, full", "Email", "City"] && table.rows.first?.fields == ["Ana", "ana@example.com", "Leeds"])
    }

    @Test("notes above the header, as LinkedIn's connections export has them, are passed over and said so")
    func preamble() throws {
        let text = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n"
            + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + "Ana,Lima,https://www.linkedin.com/in/ana,ana@example.com,Fjord,Data Engineer,01 Dec 2026\n"
        let table = try CSVTable.read(Data(text.utf8))
        #expect(table.delimiter == "," && table.header.first == "First Name" && table.header.count == 7)
        #expect(table.rows.map(\.number) == [5] && table.rows.first?.fields.first == "Ana")
        #expect(table.reading.contains("The header is row 4"))
        let columns = try CSVColumnMapping(header: table.header)
        #expect(columns.unused == ["Connected On"])
    }

    @Test("broken quoting and empty files are refused with a reason")
    func refusals() {
        for (text, reason) in [("Name,Email\n\"Ana,ana@example.com\n", "never closes"), ("", "is empty"), ("\n\n", "is empty"),
                               ("Name,Email\nA\"na,ana@example.com\n", "quote")] {
            let error = #expect(throws: FormatError.self) { _ = try CSVTable.read(Data(text.utf8)) }
            #expect(error?.message.contains(reason) == true, "\(text.debugDescription): \(error?.message ?? "")")
        }
    }

    @Test("headers old systems write are recognised; a mapping names the rest; a row becomes a résumé with its columns")
    func mapping() throws {
        let header = ["First Name", "Last Name", "E-mail Address", "Mobile", "Location", "Current Title", "Current Company", "Tags",
                      "LinkedIn URL", "Owner", "Cand_Country"]
        let columns = try CSVColumnMapping(header: header, overrides: ["Cand_Country": "country", "Owner": "ignore"])
        #expect(columns.unused.isEmpty)
        let row = ["Ana", "Lima", "ana@example.com", "+44 7700 900123", "Leeds, West Yorkshire, England", "Data Engineer", "Fjord",
                   "Python | SQL;dbt", "https://linkedin.com/in/ana", "Rob", "United Kingdom"]
        let (document, fields) = columns.resume(row)
        let (resume, issues) = try JSONResume.read(document)
        #expect(issues.isEmpty, "\(issues)")
        #expect(resume.basics.name == "Ana Lima" && resume.basics.email == "ana@example.com" && resume.basics.phone == "+44 7700 900123")
        #expect(resume.basics.location?.city == "Leeds" && resume.basics.location?.region == "West Yorkshire")
        #expect(resume.basics.location?.countryCode == "United Kingdom", "the explicit column wins over the location's last part")
        #expect(resume.basics.label == "Data Engineer" && resume.work.first?.name == "Fjord" && resume.work.first?.position == "Data Engineer")
        #expect(resume.skills.map(\.name) == ["Python", "SQL", "dbt"])
        #expect(resume.basics.profiles.map(\.url) == ["https://linkedin.com/in/ana"])
        #expect(fields["/basics/email"] == "E-mail Address" && fields["/skills/2/name"] == "Tags" && fields["/basics/location/countryCode"] == "Cand_Country")

        #expect(throws: FormatError.self) { _ = try CSVColumnMapping(header: header, overrides: ["Nope": "email"]) }
        #expect(throws: FormatError.self) { _ = try CSVColumnMapping(header: header, overrides: ["Owner": "shoe size"]) }
        let twice = #expect(throws: FormatError.self) { _ = try CSVColumnMapping(header: ["Email", "Work Email"]) }
        #expect(twice?.message.contains("two columns for email") == true)
        #expect(try CSVColumnMapping(header: ["Shoe Size", "Email"]).unused == ["Shoe Size"])
        #expect(throws: FormatError.self) { _ = try CSVColumnMapping.overrides(from: Data("[1]".utf8)) }
    }
}
