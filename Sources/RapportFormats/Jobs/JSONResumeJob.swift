import Foundation

/// A job posting in the JSON Resume job format (`job-schema.json` of jsonresume/resume-schema, MIT), read as leniently
/// as résumés are: what can be trusted is kept, every wrong field is reported at its JSON pointer, and the salary
/// text is read as people write it.
public struct JSONResumeJob: Equatable, Sendable {
    /// The schema's `remote`: "Full", "Hybrid" or "None".
    public enum Remote: String, Hashable, Sendable {
        case full = "Full"
        case hybrid = "Hybrid"
        case none = "None"
    }

    public var title: String?
    public var company: String?
    /// As written: "Full-time", "Contract", "Part-time"…
    public var type: String?
    public var date: ResumeDate?
    public var description: String?
    public var location: JSONResume.Location?
    public var remote: Remote?
    public var salaryText: String?
    /// The salary text read; nil when there was none.
    public var salary: SalaryText?
    /// As written: "Senior", "Mid-level", "Junior"…
    public var experience: String?
    public var responsibilities: [String] = []
    public var qualifications: [String] = []
    public var skills: [JSONResume.Skill] = []
    /// `meta.canonical`: where the posting lives, which tells one posting from another.
    public var canonical: String?

    /// Reads one job posting; the issues say what was salvaged or dropped, field by field.
    public static func read(_ data: Data) throws(FormatError) -> (job: JSONResumeJob, issues: [FormatIssue]) {
        let value = try JSONValue.parse(data)
        guard case .object = value else { throw FormatError("must be a JSON object describing one job, not \(value.kind)") }
        var reader = ResumeReader()
        var job = JSONResumeJob()
        _ = reader.text(value["$schema"], at: "/$schema")
        job.title = reader.text(value["title"], at: "/title")
        job.company = reader.text(value["company"], at: "/company")
        job.type = reader.text(value["type"], at: "/type")
        job.date = reader.date(value["date"], at: "/date")
        job.description = reader.text(value["description"], at: "/description")
        if let location = reader.object(value["location"], at: "/location") {
            job.location = JSONResume.Location(
                address: reader.text(location["address"], at: "/location/address"),
                postalCode: reader.text(location["postalCode"], at: "/location/postalCode"),
                city: reader.text(location["city"], at: "/location/city"),
                countryCode: reader.text(location["countryCode"], at: "/location/countryCode"),
                region: reader.text(location["region"], at: "/location/region"))
        }
        if let remote = reader.text(value["remote"], at: "/remote") {
            job.remote = Remote(rawValue: remote.capitalized) ?? Self.remote(remote)
            if job.remote == nil { reader.warn("/remote", "must be Full, Hybrid or None; found \"\(remote)\", left unknown") }
        }
        job.salaryText = reader.text(value["salary"], at: "/salary")
        job.salary = job.salaryText.map(SalaryText.read)
        job.experience = reader.text(value["experience"], at: "/experience")
        job.responsibilities = reader.texts(value["responsibilities"], at: "/responsibilities")
        job.qualifications = reader.texts(value["qualifications"], at: "/qualifications")
        job.skills = reader.skills(value["skills"])
        if let meta = reader.object(value["meta"], at: "/meta") {
            job.canonical = reader.url(meta["canonical"], at: "/meta/canonical")
            for field in ["version", "lastModified"] { _ = reader.text(meta[field], at: "/meta/" + field) }
        }
        return (job, reader.issues)
    }

    /// Remote as postings write it outside the schema's three words.
    private static func remote(_ text: String) -> Remote? {
        let lowered = text.lowercased()
        if lowered.contains("hybrid") { return .hybrid }
        if ["fully remote", "remote", "full remote", "100% remote", "yes", "true"].contains(lowered) { return .full }
        if ["on-site", "onsite", "on site", "office", "no", "false"].contains(lowered) { return Remote.none }
        return nil
    }
}
