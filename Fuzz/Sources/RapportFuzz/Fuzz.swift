import Foundation
import RapportFormats
import RapportMail

/// One libFuzzer entry point for every parser of outside input; `RAPPORT_FUZZ` names the parser a run exercises.
/// A parser may refuse its input with its error, never crash, hang or read out of bounds.
enum Target: String, CaseIterable {
    case jsonResume = "json-resume"
    case jsonResumeJob = "json-resume-job"
    case schemaOrg = "schema-org"
    case html
    case salary
    case csv
    case csvMapping = "csv-mapping"
    case notes
    case docx
    case cvText = "cv-text"
    case mail

    static let current: Target = {
        let name = ProcessInfo.processInfo.environment["RAPPORT_FUZZ"] ?? ""
        guard let target = Target(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("set RAPPORT_FUZZ to one of \(names) (got \"\(name)\")\n".utf8))
            exit(2)
        }
        return target
    }()

    func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .jsonResume:
            _ = try? JSONResume.read(data)
        case .jsonResumeJob:
            _ = try? JSONResumeJob.read(data)
        case .schemaOrg:
            for value in (try? SchemaOrgJobPosting.postings(in: data)) ?? [] { _ = try? SchemaOrgJobPosting.read(value) }
        case .html:
            _ = HTMLText.plain(text)
            _ = HTMLText.jsonLDBlocks(in: text)
        case .salary:
            _ = SalaryText.read(text)
        case .csv:
            guard let table = try? CSVTable.read(data), let mapping = try? CSVColumnMapping(header: table.header) else { return }
            for (_, row) in table.rows.prefix(50) { _ = try? JSONResume.read(mapping.resume(row).document) }
        case .csvMapping:
            _ = try? CSVColumnMapping.overrides(from: data)
        case .notes:
            for note in NoteText.notes(in: text) { _ = note.date.flatMap(NoteText.date) }
        case .docx:
            if let text = try? DocxText.read(data) { _ = CVOutline.read(text) }
        case .cvText:
            if let text = try? PlainCVText.read(data) { _ = CVOutline.read(text) }
        case .mail:
            _ = try? InboundMessage.parse(data)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    Target.current.run(Data(bytes: start, count: count))
    return 0
}
