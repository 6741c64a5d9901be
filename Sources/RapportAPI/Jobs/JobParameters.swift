import RapportCore

/// The job list's filters, published in the OpenAPI document and read through these definitions.
public enum JobParameters {
    public static let status = QueryParameter(name: "status", description: "Job status.", schema: .enumeration(JobStatus.self))
    public static let client = QueryParameter.id("client", "Client id.")
    public static let practice = QueryParameter.id("practice", "Practice id.")
    public static let region = QueryParameter(name: "region", description: "Region.", schema: .enumeration(Region.self))

    public static let filters = [status, client, practice, region]
}
