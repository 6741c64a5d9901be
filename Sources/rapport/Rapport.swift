import ArgumentParser

/// The `rapport` command: a thin shell over the libraries.
@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Relationship recruiting for IT professionals: the server, demo data and administration.",
        discussion: """
            Quick start: `rapport serve --demo` creates rapport.sqlite with realistic demo data, prints the URL and an \
            API token, and serves the JSON API (described at /api/v1/openapi.json).
            """,
        subcommands: [Serve.self, Demo.self, Migrate.self, Token.self])
}

/// The database option every command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file; created if missing.", valueName: "path"))
    var db: String = "rapport.sqlite"
}
