import Foundation
import Hummingbird
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportOutreach

/// Adding a person from their CV: upload the file, correct the draft read from it, save. The file is kept with the
/// person and always served back as a download.
struct CVUploadPage: Sendable {
    var layout: Layout
    var problem: String?
}

/// The draft a CV gave, as a form a recruiter corrects before anything about the person is stored.
struct CVReviewPage: Sendable {
    struct Entry: Sendable {
        var index: Int
        var organisation: String
        var title: String
        var start: String
        var end: String
        var highlights: String
    }

    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Duplicate: Sendable {
        var href: String
        var name: String
        var reason: String
    }

    var layout: Layout
    var attachmentID: Int64
    var fileName: String
    var name: String
    var email: String
    var phone: String
    var headline: String
    var city: String
    var country: String
    var desks: [Option]
    var links: String
    var skills: String
    var evidence: [String]
    var hasEvidence: Bool
    var work: [Entry]
    var workCount: Int
    var education: [Entry]
    var educationCount: Int
    /// Why the draft was not saved, field by field.
    var problems: [String]
    var hasProblems: Bool
    /// People already held whom this one may be: saved as someone new only once the recruiter says so.
    var duplicates: [Duplicate]
    var hasDuplicates: Bool

    init(_ draft: CVDraft, desk: Region?, attachment: Attachment, problems: [String], duplicates: [ImportReport.Duplicate] = [],
         context: RapportRequestContext) {
        layout = Layout(title: "New person from a CV", context: context, section: "candidates")
        attachmentID = attachment.id.rawValue
        fileName = attachment.fileName
        name = draft.name
        email = draft.email
        phone = draft.phone
        headline = draft.headline
        city = draft.city
        country = draft.country
        desks = Region.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0 == desk) }
        links = draft.links.joined(separator: "\n")
        skills = draft.skills.joined(separator: ", ")
        evidence = draft.evidence.filter { $0.evidence.caseInsensitiveCompare($0.name) != .orderedSame }.map { "\($0.name) (“\($0.evidence)”)" }
        hasEvidence = !evidence.isEmpty
        // One empty entry more than the CV gave, to add what it missed.
        work = (draft.work + [CVDraft.Entry(organisation: "", title: "")]).enumerated().map(Self.entry)
        workCount = work.count
        education = (draft.education + [CVDraft.Entry(organisation: "", title: "")]).enumerated().map(Self.entry)
        educationCount = education.count
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.duplicates = duplicates.map { Duplicate(href: "/candidates/\($0.candidateID)", name: $0.name, reason: $0.reason) }
        hasDuplicates = !duplicates.isEmpty
    }

    private static func entry(_ index: Int, _ entry: CVDraft.Entry) -> Entry {
        Entry(index: index, organisation: entry.organisation, title: entry.title, start: entry.start, end: entry.end,
              highlights: entry.highlights.joined(separator: "\n"))
    }

    /// The draft as the form sent it back.
    static func draft(from form: FormFields) -> CVDraft {
        var draft = CVDraft()
        draft.name = form["name"] ?? ""
        draft.email = form["email"] ?? ""
        draft.phone = form["phone"] ?? ""
        draft.headline = form["headline"] ?? ""
        draft.city = form["city"] ?? ""
        draft.country = form["country"] ?? ""
        draft.links = lines(form["links"])
        draft.skills = (form["skills"] ?? "").split(whereSeparator: { ",\n;".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        func entries(_ prefix: String, count: String) -> [CVDraft.Entry] {
            (0..<min(Int(form[count] ?? "") ?? 0, 40)).compactMap { index in
                let field = { (name: String) in (form["\(prefix).\(index).\(name)"] ?? "").trimmingCharacters(in: .whitespaces) }
                let entry = CVDraft.Entry(organisation: field("organisation"), title: field("title"), start: field("start"), end: field("end"),
                                          highlights: lines(form["\(prefix).\(index).highlights"]))
                return entry.organisation.isEmpty && entry.title.isEmpty ? nil : entry
            }
        }
        draft.work = entries("work", count: "workCount")
        draft.education = entries("education", count: "educationCount")
        return draft
    }

    private static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Labels for the report's fields, as the form names them.
    static let labels: [String: String] = [
        "/basics/name": "Name", "/basics/email": "E-mail", "/basics/phone": "Phone", "/basics/label": "Headline",
        "/basics/location/city": "City", "/basics/location/countryCode": "Country", "/basics/location": "Where they live",
        "/basics/profiles": "Links", "/work": "Work history", "/education": "Education", "/skills": "Skills",
    ]

    /// The report's errors and warnings in words, each under its form label.
    static func problems(_ record: ImportReport.Record) -> [String] {
        record.issues.filter { $0.severity == "error" }.map { issue in
            let label = labels[issue.field] ?? labels.first { issue.field.hasPrefix($0.key + "/") }?.value ?? issue.field
            return "\(label): \(issue.message)."
        }
    }
}

extension WebRoutes {
    /// The largest upload read: a CV and the form around it.
    static let uploadLimit = Attachment.maximumBytes + 64 * 1024

    func registerCVs(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("candidates/from-cv") { _, context -> Response in
            _ = try Self.staff(context)
            return views.response(CVUploadPage(layout: Layout(title: "New person from a CV", context: context, section: "candidates")),
                                  template: "cv-upload")
        }
        pages.post("candidates/from-cv") { request, context -> Response in
            let user = try Self.staff(context)
            guard let session = context.session else { throw WebRedirect(location: "/sign-in") }
            let upload = try await MultipartUpload.read(request, limit: Self.uploadLimit)
            guard let token = upload.fields["csrf"], SessionManager.constantTimeEqual(token, session.csrfToken) else { throw HTTPError(.forbidden) }
            func refuse(_ problem: String) -> Response {
                views.response(CVUploadPage(layout: Layout(title: "New person from a CV", context: context, section: "candidates"), problem: problem),
                               template: "cv-upload", status: .unprocessableContent)
            }
            guard let file = upload.files["cv"], !file.fileName.isEmpty else { return refuse("Choose the CV file to upload.") }
            let attachment: Attachment
            let draft: CVDraft
            do {
                (attachment, draft) = try await CVIntake(records: outreach.records, tools: outreach.matching.textTools)
                    .take(file.data, fileName: file.fileName, by: user.id)
            } catch let error as FormatError {
                return refuse("\(file.fileName) \(error.message).")
            }
            let page = CVReviewPage(draft, desk: nil, attachment: attachment, problems: [], context: context)
            return views.response(page, template: "cv-review")
        }
        pages.post("candidates/from-cv/{attachment}") { request, context -> Response in
            let user = try Self.staff(context)
            let form = try await Self.checkedForm(request, context: context)
            guard let raw = context.parameters.get("attachment", as: Int64.self), raw > 0 else { throw HTTPError(.notFound) }
            let store = outreach.records.store
            let attachment = try await store.attachment(AttachmentID(raw))
            // A draft's file is saved once; a second post of the same form finds it taken.
            guard attachment.candidateID == nil else {
                return Response(status: .seeOther, headers: [.location: "/candidates/\(attachment.candidateID!)"])
            }
            let draft = CVReviewPage.draft(from: form)
            let desk = form["desk"].flatMap(Region.init(rawValue:))
            let importer = CandidateImporter(records: outreach.records, taxonomy: outreach.matching.taxonomy)
            // Someone new who looks like a person already held is saved only once the recruiter says it is someone else.
            if form["someoneElse"] != "yes" {
                let trial = try await importer.importDraft(draft, fileName: attachment.fileName,
                                                           options: ImportOptions(dryRun: true, region: desk, runBy: user.id))
                if let record = trial.records.first, record.outcome == .created, !record.likelyDuplicates.isEmpty {
                    let page = CVReviewPage(draft, desk: desk, attachment: attachment, problems: [], duplicates: record.likelyDuplicates,
                                            context: context)
                    return views.response(page, template: "cv-review", status: .conflict)
                }
            }
            let report = try await importer.importDraft(draft, fileName: attachment.fileName, options: ImportOptions(region: desk, runBy: user.id))
            guard report.committed, let record = report.records.first, let id = record.candidateID else {
                let problems = report.records.first.map(CVReviewPage.problems) ?? ["The draft could not be saved."]
                let page = CVReviewPage(draft, desk: desk, attachment: attachment, problems: problems, context: context)
                return views.response(page, template: "cv-review", status: .unprocessableContent)
            }
            _ = try await store.attach(attachment.id, to: CandidateID(id))
            return Response(status: .seeOther, headers: [.location: "/candidates/\(id)?fromCV=\(record.outcome.rawValue)"])
        }
        pages.get("candidates/{id}/resume.json") { _, context -> Response in
            _ = try Self.staff(context)
            return try await Exports.resume(try Self.candidateID(context), records: outreach.records, taxonomy: outreach.matching.taxonomy)
        }
        pages.get("candidates.csv") { request, context -> Response in
            _ = try Self.staff(context)
            let search = SearchRequest(request.queryFields)
            let (query, _, problems) = CandidatesPage.query(search, taxonomy: outreach.matching.taxonomy)
            guard problems.isEmpty else {
                return Response(status: .seeOther, headers: [.location: "/candidates?" + FormFields.encode(search.queryItems)])
            }
            return try await Exports.candidatesCSV(query, records: outreach.records, taxonomy: outreach.matching.taxonomy)
        }
        pages.get("candidates/{id}/attachments/{attachment}") { _, context -> Response in
            _ = try Self.staff(context)
            let id = try Self.candidateID(context)
            guard let raw = context.parameters.get("attachment", as: Int64.self), raw > 0 else { throw HTTPError(.notFound) }
            let store = outreach.records.store
            let attachment = try await store.attachment(AttachmentID(raw))
            guard attachment.candidateID == id else { throw HTTPError(.notFound) }
            let content = try await store.attachmentContent(attachment.id)
            // Always a download, never shown inline: a file someone sent is not trusted to render in our origin.
            return Response(status: .ok, headers: [
                .contentType: attachment.kind.mediaType,
                .contentDisposition: "attachment; filename=\"\(attachment.downloadName)\"",
                .init("X-Content-Type-Options")!: "nosniff",
                .contentSecurityPolicy: "sandbox; default-src 'none'",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(bytes: content)))
        }
    }
}
