import Foundation
import RapportFormats
import Testing

@Suite("Notes from an old system's export")
struct NoteTextTests {
    @Test("a history in one cell: a day (and time) starts each note, a name before a colon is its author, lines after belong to it")
    func history() {
        let cell = """
            2023-04-02 14:05 Jane Smith: Called, not looking until March.
            Prefers e-mail.
            [2022-11-20] - tom.hale@firm.example: Met for coffee; wants to move to Go.
            2021-06-01T09:30:00+01:00 | Called: no answer
            """
        let notes = NoteText.notes(in: cell)
        #expect(notes == [
            NoteText.Note(date: "2023-04-02T14:05:00Z", author: "Jane Smith", text: "Called, not looking until March.\nPrefers e-mail."),
            NoteText.Note(date: "2022-11-20", author: "tom.hale@firm.example", text: "Met for coffee; wants to move to Go."),
            // One word before a colon is a label, not a name. The zone is kept.
            NoteText.Note(date: "2021-06-01T09:30:00+01:00", author: nil, text: "Called: no answer"),
        ])
        #expect(NoteText.date("2022-11-20") == Date(timeIntervalSince1970: 1_668_945_600))
        #expect(NoteText.date("2021-06-01T09:30:00+01:00") == Date(timeIntervalSince1970: 1_622_536_200))
        #expect(NoteText.date("20/11/2022") == nil)
    }

    @Test("a cell without days is one note, undated and unsigned; text before a colon that is no name stays text")
    func plain() {
        #expect(NoteText.notes(in: "Met at a meetup;\nwants remote\n\n") == [NoteText.Note(date: nil, author: nil, text: "Met at a meetup;\nwants remote")])
        #expect(NoteText.notes(in: "2020-01-05 rate: 650/day, not negotiable") == [
            NoteText.Note(date: "2020-01-05", author: nil, text: "rate: 650/day, not negotiable"),
        ])
        #expect(NoteText.notes(in: "  \n ").isEmpty)
    }

    @Test("JSON Resume's notes extension: objects or text; a bad date keeps the note undated with a warning")
    func resumeNotes() throws {
        let document = #"{"basics": {"name": "Ana"}, "notes": ["Plain", {"text": "Dated", "author": "Jane", "date": "2023-04-02"}, "#
            + #"{"text": "Bad date", "date": "yesterday"}, {"author": "No text"}, 7]}"#
        let (resume, issues) = try JSONResume.read(Data(document.utf8))
        #expect(resume.notes.map(\.text) == ["Plain", "Dated", "Bad date"])
        #expect(resume.notes[1].author == "Jane" && resume.notes[1].date == NoteText.date("2023-04-02"))
        #expect(resume.notes[2].date == nil)
        #expect(issues.map(\.field) == ["/notes/2/date", "/notes/3/text", "/notes/4"])
    }

    @Test("a CSV row's note takes its author and day from Note Author and Note Date columns when it does not say them")
    func noteColumns() throws {
        let mapping = try CSVColumnMapping(header: ["Name", "Email", "Notes", "Note Author", "Note Date"])
        let (document, columns) = mapping.resume(["Ana Lima", "ana@example.com", "Called, not looking", "Jane Smith", "2023-04-02"])
        #expect(document["notes"] == .array([.object(["text": .string("Called, not looking"), "author": .string("Jane Smith"),
                                                      "date": .string("2023-04-02")])]))
        #expect(columns["/notes/0/date"] == "Notes")
    }

    @Test("JSON Resume's externalIDs extension: a system's name to the person's id there; a number is its digits")
    func externalIDs() throws {
        let document = #"{"basics": {"name": "Ana"}, "externalIDs": {"bullhorn": "C-1042", "old-ats": 42, "broken": [1], " ": "x"}}"#
        let (resume, issues) = try JSONResume.read(Data(document.utf8))
        #expect(resume.externalIDs == [JSONResume.ExternalReference(source: "bullhorn", value: "C-1042"),
                                       JSONResume.ExternalReference(source: "old-ats", value: "42")])
        #expect(issues.map(\.field).sorted() == ["/externalIDs/ ", "/externalIDs/broken"])
        let list = try JSONResume.read(Data(#"{"externalIDs": ["C-1"]}"#.utf8))
        #expect(list.resume.externalIDs.isEmpty && list.issues.map(\.field) == ["/externalIDs"])
    }
}
