import Foundation
import Hummingbird
import RapportCore
import RapportImport
import RapportMatch
import RapportOutreach

/// The firm's public job board: every open job on a page of its own carrying schema.org `JobPosting` JSON-LD (what
/// Google's job search reads), and all of them as one JSON-LD feed. No sign-in; the client is never named.
struct CareersPage: Sendable {
    struct Row: Sendable {
        var href: String
        var title: String
        var place: String
        var terms: String
    }

    var layout: Layout
    var firmName: String
    var rows: [Row]
}

struct CareersJobPage: Sendable {
    var layout: Layout
    var firmName: String
    var title: String
    var summary: String
    var pay: String
    var description: String
    var skills: String
    /// The JobPosting document, safe inside a `<script>` element.
    var jsonLD: String
}

extension WebRoutes {
    func registerCareers(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("careers") { _, _ -> Response in
            let settings = outreach.settings
            let rows = try await openJobs().map { job, _ in
                CareersPage.Row(href: "/careers/jobs/\(job.id)", title: job.details.title, place: Self.place(job.details),
                                terms: "\(job.details.employmentType.phrase) · \(job.details.pay.map(Self.pay) ?? "pay not disclosed")")
            }
            return views.response(CareersPage(layout: Layout(title: "Jobs at \(settings.firmName)"), firmName: settings.firmName, rows: rows),
                                  template: "careers", headers: [.cacheControl: "public, max-age=300"])
        }
        pages.get("careers/jobs.jsonld") { _, _ -> Response in
            let feed = exporter().feed(try await openJobs())
            return Response(status: .ok, headers: [.contentType: "application/ld+json", .cacheControl: "public, max-age=300"],
                            body: .init(byteBuffer: ByteBuffer(bytes: try JobPostingExport.data(feed))))
        }
        pages.get("careers/jobs/{id}") { _, context -> Response in
            guard let raw = context.parameters.get("id", as: Int64.self), raw > 0 else { throw HTTPError(.notFound) }
            let store = outreach.records.store
            // Only an open job is public; one on hold, filled or closed is not found.
            guard let job = try? await store.job(JobID(raw)), job.details.status == .open else { throw HTTPError(.notFound) }
            let industry = try? await store.client(job.details.clientID).details.industry
            let settings = outreach.settings
            let json = try JobPostingExport.data(exporter().posting(job, clientIndustry: industry))
            let taxonomy = outreach.matching.taxonomy
            let page = CareersJobPage(
                layout: Layout(title: "\(job.details.title) · \(settings.firmName)"), firmName: settings.firmName, title: job.details.title,
                summary: "\(Self.place(job.details)) · \(job.details.employmentType.phrase) · \(job.details.seniority.phrase)",
                pay: job.details.pay.map(Self.pay) ?? "pay not disclosed", description: job.details.description,
                skills: job.details.requiredSkills.filter { $0.importance == .must }.map { taxonomy.name($0.skillID) }.joined(separator: ", "),
                jsonLD: String(decoding: json, as: UTF8.self))
            return views.response(page, template: "careers-job", headers: [.cacheControl: "public, max-age=300"])
        }
    }

    private func exporter() -> JobPostingExport {
        let settings = outreach.settings
        return JobPostingExport(taxonomy: outreach.matching.taxonomy, firmName: settings.firmName, publicURL: settings.publicURL)
    }

    private func openJobs() async throws -> [(Job, String?)] {
        try await FirmExport(store: outreach.records.store, taxonomy: outreach.matching.taxonomy).openJobs()
    }

    static func place(_ details: JobDetails) -> String {
        let remote = details.remotePolicy == .remote ? "remote" + (details.remoteScope.map { " \($0.phrase)" } ?? "") : details.remotePolicy.phrase
        return "\(details.location.phrase) · \(remote)"
    }

    static func pay(_ pay: PayRange) -> String {
        "\(MoneyText.format(pay.minimum)) to \(MoneyText.format(pay.maximum))"
    }
}
