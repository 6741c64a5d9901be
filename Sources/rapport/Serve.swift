import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RapportCore
import RapportMatch
import RapportOutreach
import RapportSQLite
import RapportWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the JSON API, the candidate links of e-mails, and deliver the outbox.",
        discussion: """
            With --demo and an empty or missing database, first fills it with demo data, then prints a ready API token \
            for admin@rapport.test. Logs go to standard error; they never contain tokens or contact details.

            Outreach e-mail goes through a durable outbox: with --smtp-host to that server (STARTTLS by default; the \
            password comes from RAPPORT_SMTP_PASSWORD), otherwise as .eml files into a mail folder, printed at start-up, \
            so a person can open what a candidate would receive. Replies come in at POST /api/v1/inbound/email with the \
            shared secret (--inbound-secret or RAPPORT_INBOUND_SECRET). Overdue follow-ups are escalated to practice \
            leads by the same delivery service.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Flag(help: "Fill an empty or missing database with demo data and print an API token.")
    var demo = false

    @Option(help: "Demo candidates to generate with --demo.")
    var candidates: Int = DemoDatabase.defaultCandidates

    @Option(help: "Seed for the demo data.")
    var seed: UInt64 = DemoDatabase.defaultSeed

    @Option(help: ArgumentHelp("JSON file of matching settings: weights, exchange rates, poolFactor (see MATCHING.md).",
                               valueName: "file"))
    var matchConfig: String?

    @OptionGroup(title: "Outreach and mail") var mail: MailOptions

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535 (got \(port))") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        try DemoDatabase.validate(candidates: candidates)
    }

    func run() async throws {
        var logger = Logger(label: "rapport")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        // Settings files are read first, so a mistake in one is reported before any database work.
        let outreachSettings = try mail.settings(defaultURL: "http://\(host):\(port)")
        if demo {
            try await DemoDatabase.fillIfEmpty(path: database.db, candidates: candidates, seed: seed)
        }
        let settings = try MatchSettings.open(path: matchConfig)
        let store = try database.open()
        let records = FirmRecords(store: store)
        let matching = try await MatchService.start(records: records, settings: settings)
        var token: String?
        var password: String?
        if demo, let admin = try await store.user(email: DemoDatabase.adminEmail) {
            token = try await APIToken.issue(for: admin, label: "serve --demo", store: store, now: Date())
            // A fresh password on every demo start, printed once: nothing guessable is ever left on a demo database.
            let fresh = String(SessionManager.randomToken().prefix(16))
            try await store.setPasswordHash(PasswordHasher().hash(fresh), for: admin.id)
            password = fresh
        }
        let signInPassword = password
        let apiToken = token
        let host = host
        let outreach = OutreachService(records: records, matching: matching, settings: outreachSettings,
                                       logger: Logger(label: "rapport.outreach"))
        // Settings an admin saved on the web win over the flags.
        try await outreach.loadSavedSettings()
        let transport = try MailTransports.make(mail, database: database.db)
        var deliveryLogger = Logger(label: "rapport.delivery")
        deliveryLogger.logLevel = logger.logLevel
        let delivery = DeliveryService(outreach: outreach.observed(by: matching), transport: transport,
                                       interval: .seconds(mail.deliveryInterval), logger: deliveryLogger)
        var inboundSecret = mail.resolvedInboundSecret
        if demo, inboundSecret == nil { inboundSecret = APIToken.generate().replacingOccurrences(of: APIToken.prefix, with: "in_") }
        let secret = inboundSecret
        let app = buildApplication(
            records: records, matching: matching, outreach: outreach, inboundSecret: inboundSecret,
            configuration: ServerConfiguration(host: host, port: port), services: [delivery], logger: logger,
            onListening: { port in
                var lines = ["Rapport is running at http://\(host):\(port)/", "API: http://\(host):\(port)/api/v1/openapi.json",
                             "Outgoing mail: \(transport.description)"]
                if demo, let secret { lines.append("Inbound e-mail secret: \(secret)") }
                if let signInPassword {
                    lines.append("Sign in at http://\(host):\(port)/sign-in as \(DemoDatabase.adminEmail), password \(signInPassword)")
                }
                if let token = apiToken {
                    lines.append("Signed in as \(DemoDatabase.adminEmail) (admin).")
                    lines.append("API token: \(token)")
                    lines.append("Try: curl -H 'Authorization: Bearer \(token)' http://\(host):\(port)/api/v1/candidates?limit=2")
                } else {
                    lines.append("Create an API token with: rapport token create --db \(database.db) --user EMAIL")
                }
                // Written straight to the descriptor so the lines arrive at once even when stdout is a pipe.
                FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            })
        try await app.runService()
    }
}
