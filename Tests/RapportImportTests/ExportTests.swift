import Foundation
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportSQLite
import Testing

/// A résumé with everything the export writes: career, courses, a certificate, languages, levels, an unknown skill.
private let full = #"""
    {"basics": {"name": "Zoë Ng", "email": "zoe@example.com", "label": "Data Engineer", "phone": "+64 21 555 0199",
                "summary": "Pipelines that people trust.", "location": {"city": "Wellington", "countryCode": "NZ"},
                "profiles": [{"network": "GitHub", "url": "https://github.com/zoe-example"}, {"url": "https://zoe.example"}]},
     "work": [{"name": "Kea Data", "position": "Senior Data Engineer", "location": "Wellington", "startDate": "2022-02",
               "summary": "Owns the warehouse.", "highlights": ["Moved the pipelines to dbt and Apache Airflow on AWS"]},
              {"name": "Tui Telecom", "position": "Data Engineer", "startDate": "2018", "endDate": "2022-01",
               "highlights": ["Built reporting in Python and PostgreSQL"]}],
     "education": [{"institution": "Victoria University of Wellington", "studyType": "BSc", "area": "Statistics", "startDate": "2014", "endDate": "2017"}],
     "certificates": [{"name": "AWS Certified Data Engineer", "issuer": "Amazon Web Services", "date": "2023-06"}],
     "languages": [{"language": "English", "fluency": "Native speaker"}, {"language": "Māori", "fluency": "Conversational"},
                   {"language": "German", "fluency": "B2"}, {"language": "Mandarin", "fluency": "C1"}, {"language": "French", "fluency": "A2"}],
     "skills": [{"name": "Python", "level": "Expert"}, {"name": "SQL", "level": "Advanced"}, {"name": "dbt", "level": "Beginner"},
                {"name": "Frobnication", "level": "Master"}]}
    """#

@Suite("Exporting people: JSON Resume and CSV that read back the same")
struct ExportTests {
    @Test("import → export → import gives the same record, in another firm and in the same one")
    func resumeRoundTrip() async throws {
        let first = try await ImportFirm()
        let report = try await first.run("zoe.json", full)
        let id = CandidateID(try #require(report.records.first?.candidateID, "\(report.text)"))
        let held = try await first.store.candidate(id).profile
        let exported = try ResumeExport(taxonomy: try await Taxonomy.current(in: first.store)).data(held)

        let second = try await ImportFirm()
        let again = try await second.importer.importResumes(ImportFile(name: "zoe.resume.json", data: exported), options: ImportOptions())
        #expect(again.count(.created) == 1, "\(again.text)")
        let copy = try await second.store.candidate(CandidateID(try #require(again.records.first?.candidateID))).profile
        #expect(copy.name == held.name && copy.email == held.email && copy.phone == held.phone && copy.headline == held.headline)
        #expect(copy.summary == held.summary && copy.location == held.location && copy.timeZone == held.timeZone && copy.links == held.links)
        #expect(copy.work == held.work && copy.education == held.education && copy.certifications == held.certifications)
        #expect(copy.languages == held.languages && held.languages.count == 5)
        #expect(copy.skills == held.skills && copy.unresolvedSkills == held.unresolvedSkills && held.unresolvedSkills == ["Frobnication"])

        let same = try await first.importer.importResumes(ImportFile(name: "zoe.resume.json", data: exported), options: ImportOptions())
        #expect(same.count(.unchanged) == 1, "\(same.text)")
    }

    @Test("CSV cells are quoted where they must be, and a cell a spreadsheet would run is defused")
    func csvCells() {
        #expect(CSVWriter.row(["Ana", "Lima, PhD", "says \"hi\"", "two\nlines", " padded", "=HYPERLINK(\"x\")", "-1", "@SUM(A1)", "+44 7700 900123",
                              "+cmd|' /C calc'!A0", "-2+3+cmd"])
                == "Ana,\"Lima, PhD\",\"says \"\"hi\"\"\",\"two\nlines\",\" padded\",\"'=HYPERLINK(\"\"x\"\")\",-1,'@SUM(A1),+44 7700 900123,"
                   + "'+cmd|' /C calc'!A0,'-2+3+cmd\r\n")
    }
}
