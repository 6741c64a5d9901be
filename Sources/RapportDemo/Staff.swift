import RapportCore

/// The firm's 32 staff: an admin, one lead per practice and recruiters spread over the four regions.
enum DemoStaff {
    private struct Seat {
        let region: Region
        let role: Role
        let practices: [DemoPractice]
    }

    /// Who sits where. Fixed, so every seed gives every practice a lead and members in several regions;
    /// only the names change with the seed.
    private static let seats: [Seat] = [
        Seat(region: .uk, role: .admin, practices: []),
        Seat(region: .uk, role: .practiceLead, practices: [.java]),
        Seat(region: .us, role: .practiceLead, practices: [.dotnet]),
        Seat(region: .nz, role: .practiceLead, practices: [.cloud]),
        Seat(region: .us, role: .practiceLead, practices: [.data]),
        Seat(region: .hk, role: .practiceLead, practices: [.frontend]),
        Seat(region: .uk, role: .practiceLead, practices: [.security]),
        Seat(region: .hk, role: .practiceLead, practices: [.erp]),
        Seat(region: .nz, role: .practiceLead, practices: [.delivery]),
        Seat(region: .us, role: .recruiter, practices: [.java]),
        Seat(region: .us, role: .recruiter, practices: [.java, .cloud]),
        Seat(region: .us, role: .recruiter, practices: [.dotnet]),
        Seat(region: .us, role: .recruiter, practices: [.cloud, .data]),
        Seat(region: .us, role: .recruiter, practices: [.frontend]),
        Seat(region: .us, role: .recruiter, practices: [.security]),
        Seat(region: .us, role: .recruiter, practices: [.erp, .delivery]),
        Seat(region: .uk, role: .recruiter, practices: [.java, .dotnet]),
        Seat(region: .uk, role: .recruiter, practices: [.cloud]),
        Seat(region: .uk, role: .recruiter, practices: [.data]),
        Seat(region: .uk, role: .recruiter, practices: [.frontend, .delivery]),
        Seat(region: .uk, role: .recruiter, practices: [.erp]),
        Seat(region: .uk, role: .recruiter, practices: [.dotnet, .security]),
        Seat(region: .uk, role: .recruiter, practices: [.delivery]),
        Seat(region: .nz, role: .recruiter, practices: [.java, .frontend]),
        Seat(region: .nz, role: .recruiter, practices: [.dotnet, .data]),
        Seat(region: .nz, role: .recruiter, practices: [.security, .cloud]),
        Seat(region: .nz, role: .recruiter, practices: [.erp, .delivery]),
        Seat(region: .hk, role: .recruiter, practices: [.java, .data]),
        Seat(region: .hk, role: .recruiter, practices: [.dotnet, .erp]),
        Seat(region: .hk, role: .recruiter, practices: [.cloud, .security]),
        Seat(region: .hk, role: .recruiter, practices: [.frontend]),
        Seat(region: .hk, role: .recruiter, practices: [.delivery, .data]),
    ]

    static func users(seed: UInt64) -> [User] {
        var random = DemoRandom(seed: seed, stream: 1, index: 0)
        var taken: Set<String> = ["admin"]
        return seats.enumerated().map { index, seat in
            let (given, family) = name(in: seat.region, &random)
            var mailbox = given.slug + "." + family.slug
            var suffix = 2
            while !taken.insert(mailbox).inserted {
                mailbox = given.slug + "." + family.slug + String(suffix)
                suffix += 1
            }
            let email = seat.role == .admin ? "admin@rapport.test" : mailbox + "@rapport.test"
            let details = UserDetails(
                email: email, name: given.text + " " + family.text, role: seat.role, region: seat.region,
                practiceIDs: seat.practices.map(\.id)
            )
            return User(id: UserID(Int64(index + 1)), version: 1, details: details)
        }
    }

    /// Staff names follow the region's usual "given family" order; Hong Kong staff use English first names.
    private static func name(in region: Region, _ random: inout DemoRandom) -> (NamePart, NamePart) {
        switch region {
        case .us: (random.pick(DemoNames.usGiven), random.pick(DemoNames.usFamily))
        case .uk: (random.pick(DemoNames.ukGiven), random.pick(DemoNames.ukFamily))
        case .nz: (random.pick(DemoNames.nzGiven), random.pick(DemoNames.nzFamily))
        case .hk: (random.pick(DemoNames.hkEnglish), random.pick(DemoNames.hkFamily))
        }
    }

    static func lead(of practice: DemoPractice, in users: [User]) -> UserID? {
        users.first { $0.details.role == .practiceLead && $0.details.practiceIDs.contains(practice.id) }?.id
    }

    /// Members of each practice in each region, falling back to every member of the practice where a region
    /// has nobody on that desk (the desk then covers the region remotely).
    static func owners(_ users: [User]) -> [[[UserID]]] {
        DemoPractice.allCases.map { practice in
            let members = users.filter { $0.details.role != .admin && $0.details.practiceIDs.contains(practice.id) }
            return DemoContext.regionOrder.map { region in
                let local = members.filter { $0.details.region == region }.map(\.id)
                return local.isEmpty ? members.map(\.id) : local
            }
        }
    }
}
