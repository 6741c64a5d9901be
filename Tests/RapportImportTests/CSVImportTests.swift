import Foundation
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportSQLite
import Testing

/// An export as an old applicant-tracking system writes it: Excel's semicolons and Windows-1252, a country's name,
/// several skills in one cell, a note over two lines, and columns Rapport does not hold.
private let export = """
    First Name;Last Name;E-mail Address;Mobile;City;Country;Current Title;Current Company;Key Skills;LinkedIn URL;Notes;Cand_Ref
    Zoë;Ng;zoe@example.com;+44 7700 900123;Leeds;United Kingdom;Data Engineer;Fjord;Python; SQL;https://linkedin.com/in/zoe;"Met at a meetup;
    wants remote";C-1
    Ben;Okoro;;+1 206 555 0100;Seattle;USA;SRE;Acme;Kubernetes|Terraform;;;C-2
    Ana;Lima;ana@example.com;;Auckland;Narnia;;;Go;;;C-3
    """.replacingOccurrences(of: "\n", with: "\r\n")

@Suite("Importing people from CSV exports")
struct CSVImportTests {
    @Test("a Windows-1252 export with semicolons: people by row, problems by row and column, what the file was read as")
    func export1252() async throws {
        let firm = try await ImportFirm()
        // "Python; SQL" is one cell only when quoted; this export quotes nothing but the note, so skills go in a cell of their own.
        let text = export.replacingOccurrences(of: "Python; SQL", with: "\"Python, SQL\"")
        let file = ImportFile(name: "old-ats.csv", data: text.data(using: .windowsCP1252)!)
        let report = try await firm.any.run(file, options: ImportOptions(commitValid: true))
        #expect(report.format == "csv" && report.committed, "\(report.text)")
        #expect(report.records.map(\.record) == [2, 3, 4], "rows are numbered from the header as row 1, a note over two lines being one row")
        #expect(report.records.map(\.outcome) == [.created, .rejected, .rejected])
        #expect(report.records[1].issues.contains { $0.field == "E-mail Address" && $0.severity == "error" })
        #expect(report.records[2].issues.contains { $0.field == "Country" && $0.message.contains("\"Narnia\"") })
        #expect(report.notes.first == "Read as Windows-1252 text, fields separated by semicolons.")
        #expect(report.notes.contains { $0.contains("E-mail Address → email") && $0.contains("Key Skills → skills") })
        #expect(!report.notes.contains { $0.contains("passed over") }, "\(report.notes)")
        let id = try #require(report.records[0].candidateID)
        let profile = try await firm.store.candidate(CandidateID(id)).profile
        #expect(profile.name == "Zoë Ng" && profile.location == Location(city: "Leeds", country: "GB") && profile.region == .uk)
        #expect(profile.headline == "Data Engineer" && profile.work.first?.employer == "Fjord" && profile.links == ["https://linkedin.com/in/zoe"])
        let taxonomy = try await Taxonomy.current(in: firm.store)
        #expect(Set(profile.skills.map { taxonomy.name($0.skillID) }).isSuperset(of: ["Python", "SQL"]))
        #expect(report.records[0].issues.contains { $0.field == "Country" && $0.message.contains("read as GB") })
        // The note over two lines is kept as one, undated and unsigned, as the file had it.
        #expect(try await firm.store.notes(candidate: CandidateID(id)).map(\.note) == [NoteDraft(author: "", writtenAt: nil,
                                                                                                    text: "Met at a meetup;\nwants remote")])
    }

    @Test("the old system's id finds the person again after their address changed there; an id is one person's")
    func externalIDs() async throws {
        let firm = try await ImportFirm()
        let first = "Cand_Ref,Name,Email,Country\nC-1,Ana Lima,ana@example.com,GB\nC-2,Ben Ode,ben@example.com,GB\n"
        let report = try await firm.any.run(ImportFile(name: "old-ats.csv", data: Data(first.utf8)), options: ImportOptions())
        #expect(report.count(.created) == 2, "\(report.text)")
        let ana = CandidateID(try #require(report.records[0].candidateID))
        #expect(try await firm.store.externalIDs(candidate: ana) == [ExternalID(source: "Cand_Ref", value: "C-1")])
        // Ana's address changed in the old system: the id finds her, and her address follows.
        let moved = first.replacingOccurrences(of: "ana@example.com", with: "ana.lima@newmail.example")
        let again = try await firm.any.run(ImportFile(name: "later.csv", data: Data(moved.utf8)), options: ImportOptions())
        #expect(again.records.map(\.outcome) == [.updated, .unchanged], "\(again.text)")
        #expect(again.records[0].candidateID == ana.rawValue)
        #expect(again.records[0].issues.contains { $0.field == "Email" && $0.message.contains("changed to ana.lima@newmail.example") })
        #expect(try await firm.store.candidate(ana).profile.email == "ana.lima@newmail.example")
        #expect(try await firm.count() == 2)
        // Ben's id on Ana's address: two people the file calls one; and one id twice in a file. Nothing is stored.
        let crossed = "Cand_Ref,Name,Email,Country\nC-2,Ben Ode,ana.lima@newmail.example,GB\nC-9,Cara,cara@example.com,GB\nC-9,Dan,dan@example.com,GB\n"
        let refused = try await firm.any.run(ImportFile(name: "crossed.csv", data: Data(crossed.utf8)), options: ImportOptions())
        #expect(!refused.committed && refused.records.map(\.outcome) == [.rejected, .created, .rejected], "\(refused.text)")
        #expect(refused.records[0].issues.contains { $0.field == "Cand_Ref" && $0.message.contains("merge the two first") })
        #expect(refused.records[2].issues.contains { $0.field == "Cand_Ref" && $0.message.contains("id of record 3 in this file") })
        #expect(try await firm.count() == 2)
        // Named with --source, the same column is another system's ids: nobody is found by them.
        let other = try await firm.any.run(ImportFile(name: "bullhorn.csv", data: Data("Cand_Ref,Name,Email,Country\nC-1,Eve,eve@example.com,GB\n".utf8)),
                                           options: ImportOptions(idSource: "bullhorn"))
        let eve = CandidateID(try #require(other.records.first?.candidateID, "\(other.text)"))
        #expect(try await firm.store.externalIDs(candidate: eve) == [ExternalID(source: "bullhorn", value: "C-1")])
    }

    @Test("the old system's notes come with their author and day, once however often the file comes back, and go out again in JSON Resume")
    func notes() async throws {
        let firm = try await ImportFirm()
        let history = "2023-04-02 14:05 Jane Smith: Called, not looking until March.\nPrefers e-mail.\n2022-11-20 - Tom Hale: Met for coffee."
        let csv = "Name,Email,Country,Notes,Note Author\nAna Lima,ana@example.com,GB,\"\(history)\",Old ATS\n"
            + "Ben Ode,ben@example.com,GB,Referred by Ana,Priya Rao\n"
        let file = ImportFile(name: "old-ats.csv", data: Data(csv.utf8))
        let report = try await firm.any.run(file, options: ImportOptions())
        #expect(report.count(.created) == 2, "\(report.text)")
        let ana = CandidateID(try #require(report.records[0].candidateID))
        let notes = try await firm.store.notes(candidate: ana)
        #expect(notes.map(\.note) == [
            NoteDraft(author: "Tom Hale", writtenAt: NoteText.date("2022-11-20"), text: "Met for coffee."),
            NoteDraft(author: "Jane Smith", writtenAt: NoteText.date("2023-04-02T14:05:00Z"), text: "Called, not looking until March.\nPrefers e-mail."),
        ])
        #expect(notes.allSatisfy { $0.fileName == "old-ats.csv" })
        // A note without an author of its own takes the Note Author column's.
        let ben = CandidateID(try #require(report.records[1].candidateID))
        #expect(try await firm.store.notes(candidate: ben).map(\.note.author) == ["Priya Rao"])
        // The same file again: nothing new, no note twice. One more note: an update that adds only it.
        #expect(try await firm.any.run(file, options: ImportOptions()).count(.unchanged) == 2)
        let more = csv.replacingOccurrences(of: "Referred by Ana", with: "\"Referred by Ana\n2024-01-10 Priya Rao: Placed at Fjord.\"")
        let again = try await firm.any.run(ImportFile(name: "later.csv", data: Data(more.utf8)), options: ImportOptions())
        #expect(again.records.map(\.outcome) == [.unchanged, .updated], "\(again.text)")
        #expect(try await firm.store.notes(candidate: ben).map(\.note.text) == ["Placed at Fjord.", "Referred by Ana"], "undated notes by when they came")
        #expect(try await firm.store.notes(candidate: ana).count == 2)
        // Out as JSON Resume and into another firm: the same notes.
        let exported = try ResumeExport(taxonomy: try await Taxonomy.current(in: firm.store))
            .data(try await firm.store.candidate(ana).profile, notes: notes.map(\.note))
        let other = try await ImportFirm()
        let copy = try await other.any.run(ImportFile(name: "ana.json", data: exported), options: ImportOptions())
        let copied = CandidateID(try #require(copy.records.first?.candidateID, "\(copy.text)"))
        #expect(try await other.store.notes(candidate: copied).map(\.note) == notes.map(\.note))
    }

    @Test("a mapping file names the columns no header gives away; importing again changes nothing")
    func mappingFile() async throws {
        let firm = try await ImportFirm()
        let csv = "Cand_Name,Cand_Mail,Loc,Stack\nAna Lima,ana@example.com,\"Auckland, New Zealand\",Go|Kubernetes\n"
        let mapping = Data(#"{"Cand_Name": "name", "Cand_Mail": "email", "Loc": "location", "Stack": "skills"}"#.utf8)
        let file = ImportFile(name: "people.csv", data: Data(csv.utf8))
        let without = try await firm.any.run(file, options: ImportOptions())
        #expect(!without.committed && without.records.first?.issues.contains { $0.field == "/basics/name" } == true, "\(without.text)")
        let report = try await firm.any.run(file, mapping: mapping, options: ImportOptions())
        #expect(report.count(.created) == 1, "\(report.text)")
        let profile = try await firm.store.candidate(CandidateID(try #require(report.records[0].candidateID))).profile
        #expect(profile.location == Location(city: "Auckland", country: "NZ") && profile.timeZone == "Pacific/Auckland")
        #expect(try await firm.any.run(file, mapping: mapping, options: ImportOptions()).count(.unchanged) == 1)
        let wrong = try await firm.any.run(file, mapping: Data(#"{"Missing": "email"}"#.utf8), options: ImportOptions())
        #expect(wrong.stopped?.contains("has no column \"Missing\"") == true)
        #expect(try await firm.count() == 1)
    }
}

@Suite("Likely duplicates on import")
struct ImportDuplicateTests {
    @Test("someone with another address but the same phone, or the same name and profile link, is created with a warning naming who")
    func warned() async throws {
        let firm = try await ImportFirm()
        let first = try await firm.any.run(ImportFile(name: "a.csv", data: Data("Name,Email,Mobile,Country\nAna Lima,ana@example.com,+44 7700 900123,GB\n".utf8)),
                                           options: ImportOptions())
        let id = try #require(first.records.first?.candidateID)
        #expect(first.records[0].issues.allSatisfy { !$0.message.contains("same person") })
        let second = try await firm.any.run(ImportFile(name: "b.csv", data: Data("Name,Email,Mobile,Country\nAna M. Lima,ana@work.example,07700 900123,GB\n".utf8)),
                                            options: ImportOptions())
        #expect(second.count(.created) == 1, "never merged silently")
        let twins = try await firm.any.run(ImportFile(name: "c.csv", data: Data(
            "Name,Email,Mobile,Country\nBo Chen,bo@example.com,+64 21 555 0199,NZ\nBo Chen,bo.chen@work.example,021 555 0199,NZ\n".utf8)),
                                           options: ImportOptions())
        #expect(twins.count(.created) == 2)
        #expect(twins.records[1].issues.contains { $0.message == "may be the same person as record 2 of this file: the same phone number; "
                                                   + "compare them before contacting either" }, "\(twins.text)")
        #expect(second.records[0].issues.contains {
            $0.field == "/basics" && $0.message == "may be the same person as candidate \(id) (Ana Lima): the same phone number; compare them before contacting either"
        }, "\(second.text)")
    }
}
