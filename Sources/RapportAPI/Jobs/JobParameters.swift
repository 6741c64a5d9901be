import RapportCore

/// The job list's filters, published in the OpenAPI document and read through these definitions.
public enum JobParameters {
    public static let status = QueryParameter(name: "status", description: "Job status.", schema: .enumeration(JobStatus.self))
    public static let client = QueryParameter(name: "client", description: "Client id.", schema: .integer(minimum: 1))
    public static let practice = QueryParameter(name: "practice", description: "Practice id.", schema: .integer(minimum: 1))
    public static let region = QueryParameter(name: "region", description: "Region.", schema: .enumeration(Region.self))

    public static let filters = [status, client, practice, region]
}
