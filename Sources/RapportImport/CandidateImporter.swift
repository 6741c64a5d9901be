import Foundation
import RapportCore
import RapportFormats
import RapportMatch

/// A file to import: its name, its bytes, and whether it is JSON Lines (by default, when the name ends in .jsonl
/// or .ndjson).
public struct ImportFile: Sendable {
    public var name: String
    public var data: Data
    public var isJSONLines: Bool

    public init(name: String, data: Data, isJSONLines: Bool? = nil) {
        self.name = name
        self.data = data
        let lower = name.lowercased()
        self.isJSONLines = isJSONLines ?? (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson"))
    }

    /// The largest file read; bigger ones are refused before parsing.
    public static let maximumBytes = 512 * 1024 * 1024
    /// The largest single record (one résumé).
    public static let maximumRecordBytes = 4 * 1024 * 1024
}

public struct ImportOptions: Sendable {
    /// Report what would happen and store nothing.
    public var dryRun: Bool
    /// Store the valid records of a file even when some are refused; otherwise one refusal stops the whole file.
    public var commitValid: Bool
    /// The desk that looks after people living outside the four regions (and those whose country is not given).
    public var region: Region?
    /// Who runs the import, kept with what it stores.
    public var runBy: UserID?

    public init(dryRun: Bool = false, commitValid: Bool = false, region: Region? = nil, runBy: UserID? = nil) {
        self.dryRun = dryRun
        self.commitValid = commitValid
        self.region = region
        self.runBy = runBy
    }
}

/// Brings people in from JSON Resume files: reads each record leniently, turns it into a profile, matches it to
/// someone already held by e-mail address, and stores a file's records in one transaction through `FirmRecords`,
/// so they are checked and routed as the API would, all or nothing.
public struct CandidateImporter: Sendable {
    let records: FirmRecords
    let normalizer: SkillNormalizer
    let extractor: SkillExtractor

    public init(records: FirmRecords, taxonomy: Taxonomy) {
        self.records = records
        normalizer = SkillNormalizer(taxonomy: taxonomy)
        extractor = SkillExtractor(taxonomy: taxonomy)
    }

    /// Imports one file of JSON Resume documents: one résumé, a list of them, or JSON Lines (`.jsonl`, `.ndjson`).
    public func importResumes(_ file: ImportFile, options: ImportOptions) async throws -> ImportReport {
        var report = ImportReport(format: "json-resume", dryRun: options.dryRun, committed: false, records: [])
        let conversion = ResumeConversion(normalizer: normalizer, extractor: extractor, desk: options.region, today: records.today,
                                          timeZones: .system)
        let documents: [(Int, Data)]
        do {
            documents = try Self.documents(in: file)
        } catch {
            report.records = [ImportReport.Record(file: file.name, record: 1, outcome: .rejected, candidateID: nil, name: nil, email: nil,
                                                  issues: [ImportReport.Issue(FormatIssue(field: "", error.message, severity: .error))],
                                                  unresolvedSkills: [])]
            report.stopped = "The file could not be read: \(error.message)."
            return report
        }
        var changes: [CandidateChange] = []
        var changeRecord: [Int] = []
        var seenEmails: [String: Int] = [:]
        for (line, document) in documents {
            var issues: [FormatIssue] = []
            var profile: CandidateProfile?
            do {
                let (resume, readIssues) = try JSONResume.read(document)
                issues = readIssues
                profile = conversion.profile(from: resume, issues: &issues)
            } catch {
                issues.append(FormatIssue(field: "", error.message, severity: .error))
            }
            var record = ImportReport.Record(file: file.name, record: line, outcome: .rejected, candidateID: nil, name: profile?.name,
                                             email: profile?.email, issues: [], unresolvedSkills: profile?.unresolvedSkills ?? [])
            if var profile {
                let key = EmailAddress.normalized(profile.email)
                if let first = seenEmails[key] {
                    issues.append(FormatIssue(field: "/basics/email", "is the e-mail address of record \(first) in this file; merge them first",
                                              severity: .error))
                } else {
                    seenEmails[key] = line
                    let existing = try await records.store.candidate(email: EmailAddress.canonical(profile.email))
                    if let existing { profile = Self.merged(profile, into: existing.profile) }
                    do {
                        try profile.validate(today: records.today)
                    } catch {
                        if case .invalid(let broken) = error { issues += broken.map { FormatIssue(field: $0.field, $0.message, severity: .error) } }
                    }
                    if !issues.contains(where: { $0.severity == .error }) {
                        if let existing {
                            record.candidateID = existing.id.rawValue
                            record.outcome = profile == existing.profile ? .unchanged : .updated
                            if record.outcome == .updated { changes.append(.update(existing.id, expectedVersion: existing.version, profile)) }
                        } else {
                            record.outcome = .created
                            changes.append(.create(profile))
                        }
                        if record.outcome != .unchanged { changeRecord.append(report.records.count) }
                    }
                }
            }
            if issues.contains(where: { $0.severity == .error }) { record.outcome = .rejected }
            record.issues = issues.map(ImportReport.Issue.init)
            report.records.append(record)
        }
        let rejected = report.count(.rejected)
        if rejected > 0 && !options.commitValid {
            report.stopped = "\(rejected) record\(rejected == 1 ? " was" : "s were") refused, so nothing in \(file.name) was stored; "
                + "correct \(rejected == 1 ? "it" : "them"), or store the rest with --commit-valid."
            return report
        }
        guard !options.dryRun, !changes.isEmpty else {
            report.committed = !options.dryRun
            return report
        }
        let provenance = ImportProvenance(format: report.format, fileName: file.name, runBy: options.runBy,
                                          records: changeRecord.map { report.records[$0].record })
        let stored = try await records.applyCandidateChanges(changes, provenance: provenance)
        var unresolved: [(key: String, example: String)] = []
        for (position, candidate) in zip(changeRecord, stored) {
            report.records[position].candidateID = candidate.id.rawValue
            for text in report.records[position].unresolvedSkills {
                if case .unresolved(let key)? = normalizer.resolve(text) { unresolved.append((key, text)) }
            }
        }
        // Unknown skill names join the curators' list, counted like those typed into forms.
        if !unresolved.isEmpty { try await records.store.recordUnresolvedSkills(unresolved, at: records.now()) }
        report.committed = true
        return report
    }

    /// The person as held, with what the résumé states laid over it: their goals, preferences, consents, owner and
    /// desk stay as the firm recorded them; skills the firm already rated keep their level.
    static func merged(_ imported: CandidateProfile, into held: CandidateProfile) -> CandidateProfile {
        var profile = held
        profile.name = imported.name
        profile.phone = imported.phone ?? held.phone
        profile.links = held.links + imported.links.filter { !held.links.contains($0) }
        profile.links = Array(profile.links.prefix(10))
        if imported.location.city != nil || imported.location.country != held.location.country { profile.location = imported.location }
        if !imported.headline.isEmpty { profile.headline = imported.headline }
        if !imported.summary.isEmpty { profile.summary = imported.summary }
        if !imported.work.isEmpty { profile.work = imported.work }
        if !imported.education.isEmpty { profile.education = imported.education }
        if !imported.certifications.isEmpty { profile.certifications = imported.certifications }
        if !imported.languages.isEmpty { profile.languages = imported.languages }
        var skills = held.skills
        for skill in imported.skills {
            if let index = skills.firstIndex(where: { $0.skillID == skill.skillID }) {
                skills[index].years = max(skills[index].years, skill.years)
                if let used = skill.lastUsed { skills[index].lastUsed = max(skills[index].lastUsed ?? used, used) }
            } else if skills.count < CandidateProfile.maxSkills {
                skills.append(skill)
            }
        }
        profile.skills = skills
        profile.unresolvedSkills = held.unresolvedSkills + imported.unresolvedSkills.filter { text in
            !held.unresolvedSkills.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        }
        return profile
    }

    /// The records of a file, each with its line (JSON Lines) or entry (a JSON list) counted from 1: JSON Lines one
    /// per line, a JSON list one per entry, or the file as one record.
    static func documents(in file: ImportFile) throws(FormatError) -> [(Int, Data)] {
        guard file.data.count <= ImportFile.maximumBytes else {
            throw FormatError("is \(file.data.count / 1_048_576) MiB; the most one import reads is \(ImportFile.maximumBytes / 1_048_576) MiB")
        }
        if file.isJSONLines {
            var lines: [(Int, Data)] = []
            for (index, line) in file.data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
                guard !trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
                guard trimmed.count <= ImportFile.maximumRecordBytes else {
                    throw FormatError("has a line over \(ImportFile.maximumRecordBytes / 1_048_576) MiB; no résumé is that long")
                }
                lines.append((index + 1, Data(trimmed)))
            }
            return lines
        }
        guard file.data.count <= ImportFile.maximumRecordBytes * 16 else {
            throw FormatError("is too large for one JSON document; give many résumés as JSON Lines (.jsonl), one per line")
        }
        if case .array(let entries) = try JSONValue.parse(file.data) {
            let encoder = JSONEncoder()
            return entries.enumerated().compactMap { index, entry in (try? encoder.encode(entry)).map { (index + 1, $0) } }
        }
        return [(1, file.data)]
    }
}
