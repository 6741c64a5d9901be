import RapportCore
import RapportImport

/// The query parameters of `POST /api/v1/imports`, published in the OpenAPI document and read through these definitions.
public enum ImportParameters {
    public static let format = QueryParameter(name: "format", description: "json-resume or csv (people), schema-org-job or json-resume-job "
                                              + "(jobs); by default the one the body looks like.", schema: .enumeration(ImportFormat.self))
    public static let dryRun = QueryParameter.flag("dryRun", "Report what would happen and store nothing")
    public static let commitValid = QueryParameter.flag("commitValid", "Store the valid records even when some are refused")
    public static let region = QueryParameter(name: "region", description: "The desk (US, UK, NZ, HK) for people and jobs elsewhere.",
                                              schema: .enumeration(Region.self))
    // Left empty (as a form leaves a field nobody filled in), either is the same as left out.
    public static let name = QueryParameter(name: "name", description: "The file name to report records under.", schema: .string())
    public static let source = QueryParameter(name: "source", description: "The system a CSV body's id column is of; by default the "
                                              + "column's header.", schema: .string())

    public static let attachment = QueryParameter.id("attachment", "A CV read with POST /api/v1/cv-drafts: kept with the one person "
                                                     + "the body holds, a JSON Resume document (the corrected draft).")

    public static let all = [format, dryRun, commitValid, region, name, source, attachment]

    /// `POST /api/v1/cv-drafts`: the file name to keep the CV under.
    public static let fileName = QueryParameter(name: "name", description: "The CV's file name, kept for people; its kind is read from "
                                                + "the bytes, whatever the name says.", schema: .string(maxLength: 255))
}
