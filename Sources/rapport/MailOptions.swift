import ArgumentParser
import Foundation
import RapportCore
import RapportOutreach

/// Where outreach e-mail goes and what it says about the firm; shared by `serve`.
struct MailOptions: ParsableArguments {
    @Option(help: ArgumentHelp("SMTP server for outgoing mail; without it, mail is written as .eml files to --mail-folder.",
                               valueName: "host"))
    var smtpHost: String?

    @Option(help: "SMTP port (587 for STARTTLS, 465 for implicit TLS).")
    var smtpPort: Int = 587

    @Option(help: "SMTP connection security: starttls (required), tls (implicit) or none.")
    var smtpSecurity: String = "starttls"

    @Option(help: ArgumentHelp("SMTP user name; the password is read from RAPPORT_SMTP_PASSWORD.", valueName: "name"))
    var smtpUser: String?

    @Option(help: ArgumentHelp("PEM file of a certificate to trust for the SMTP server (a private CA or self-signed server).",
                               valueName: "file"))
    var smtpCA: String?

    @Option(help: ArgumentHelp("Folder for .eml files when no SMTP server is given (default: mail/ next to the database).",
                               valueName: "path"))
    var mailFolder: String?

    @Option(help: ArgumentHelp("Base URL of the links in e-mails (unsubscribe, feedback, preferences); default http://HOST:PORT.",
                               valueName: "url"))
    var publicURL: String?

    @Option(help: ArgumentHelp("""
        Domain of Message-IDs, of the address e-mails to candidates are sent from (talent@…, under the recruiter's name), \
        of staff notices (notices@…) and of the reply and unsubscribe addresses.
        """, valueName: "domain"))
    var mailDomain: String = "rapport.example"

    @Option(help: "The firm's name, as e-mails sign it.")
    var firmName: String = OutreachSettings().firmName

    @Option(help: "The firm's name and postal address, printed as they are in every e-mail's footer (CAN-SPAM).")
    var postalAddress: String = OutreachSettings().postalAddress

    @Option(help: "Fit every job in an opportunity must reach, 0 to 100.")
    var fitThreshold: Int = 60

    @Option(help: "Business days, in the recruiter's region, to answer a reply.")
    var slaDays: Int = 1

    @Option(help: "Weeks before an assignment ends that its redeployment task opens, 0 to 26.")
    var redeploymentWeeks: Int = 6

    @Option(help: ArgumentHelp("JSON file of public holidays per region that move reply deadlines, such as "
                               + "config/public-holidays.json; without it, only weekends do.", valueName: "file"))
    var holidays: String?

    @Option(help: ArgumentHelp("Shared secret for POST /api/v1/inbound/email; also read from RAPPORT_INBOUND_SECRET. With --demo, "
                               + "one is generated and printed when none is given.", valueName: "secret"))
    var inboundSecret: String?

    @Option(help: "Seconds between passes over the outbox.")
    var deliveryInterval: Int = 5

    func validate() throws {
        guard (1...65535).contains(smtpPort) else { throw ValidationError("--smtp-port must be from 1 to 65535 (got \(smtpPort))") }
        guard ["starttls", "tls", "none"].contains(smtpSecurity) else {
            throw ValidationError("--smtp-security must be starttls, tls or none (got \(smtpSecurity))")
        }
        if smtpHost == nil, smtpUser != nil || smtpCA != nil { throw ValidationError("--smtp-user and --smtp-ca go with --smtp-host") }
        if smtpHost != nil, mailFolder != nil { throw ValidationError("give --smtp-host or --mail-folder, not both") }
        if let smtpCA, !FileManager.default.fileExists(atPath: smtpCA) { throw ValidationError("--smtp-ca \(smtpCA) does not exist") }
        guard (0...100).contains(fitThreshold) else { throw ValidationError("--fit-threshold must be from 0 to 100 (got \(fitThreshold))") }
        guard (0...20).contains(slaDays) else { throw ValidationError("--sla-days must be from 0 to 20 (got \(slaDays))") }
        guard (0...26).contains(redeploymentWeeks) else {
            throw ValidationError("--redeployment-weeks must be from 0 to 26 (got \(redeploymentWeeks))")
        }
        guard (1...3600).contains(deliveryInterval) else {
            throw ValidationError("--delivery-interval must be from 1 to 3600 seconds (got \(deliveryInterval))")
        }
        if let publicURL, URL(string: publicURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--public-url must be an http or https URL (got \(publicURL))")
        }
        if mailDomain.isEmpty || mailDomain.contains(where: { $0 == "@" || $0 == " " || $0 == "<" || $0 == ">" }) {
            throw ValidationError("--mail-domain must be a domain name such as rapport.example.com (got \(mailDomain))")
        }
    }

    func settings(defaultURL: String) throws -> OutreachSettings {
        var calendar: any HolidayCalendar = NoHolidays()
        if let holidays {
            do {
                calendar = try FixedHolidays.decode(try Data(contentsOf: URL(fileURLWithPath: holidays)))
            } catch RapportError.invalid(let issues) {
                let problems = issues.map { $0.field.isEmpty ? $0.message : "\($0.field) \($0.message)" }.joined(separator: "; ")
                throw CLIError("--holidays \(holidays): \(problems)")
            } catch {
                throw CLIError("--holidays \(holidays) cannot be read: \(error.localizedDescription)")
            }
        }
        return OutreachSettings(
            threshold: fitThreshold, slaBusinessDays: slaDays, firmName: firmName, postalAddress: postalAddress,
            publicURL: publicURL ?? defaultURL, mailDomain: mailDomain, noticeSender: "notices@\(mailDomain)", holidays: calendar,
            redeploymentWeeks: redeploymentWeeks)
    }

    /// The shared secret for inbound mail: the option, else the environment.
    var resolvedInboundSecret: String? {
        inboundSecret ?? ProcessInfo.processInfo.environment["RAPPORT_INBOUND_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The folder `.eml` files go to when no SMTP server is given.
    func folder(database: String) -> URL {
        if let mailFolder { return URL(fileURLWithPath: mailFolder) }
        return URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("mail")
    }
}
