import Foundation
import RapportCore
import RapportFormats
import RapportMatch

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
            documents = try file.records()
        } catch {
            return ImportReport(unreadable: file, format: report.format, dryRun: options.dryRun, error)
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
        try await report.commit(file, options: options, changed: changeRecord, firm: records, normalizer: normalizer,
                                store: { provenance in try await records.applyCandidateChanges(changes, provenance: provenance).map(\.id.rawValue) },
                                identify: { $0.candidateID = $1 })
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
}
