import Foundation
import RapportCore

/// Makes one candidate from its own random stream. This is the hot path of `rapport demo` and the benchmark
/// (a million calls), so it uses precomputed tables and plain concatenation, never Foundation formatting.
struct CandidateFactory {
    let context: DemoContext

    func make(index: Int) -> Candidate {
        var random = DemoRandom(seed: context.seed, stream: 3, index: UInt64(index))
        let tables = context.candidateTables
        let id = Int64(index + 1)
        let idText = String(id)
        let today = context.today

        let regionIndex = DemoContext.regionIndex(context.regionTable.sample(&random))
        let region = DemoContext.regionOrder[regionIndex]
        let profile = tables.profiles[regionIndex]
        let city = profile.cities.sample(&random)
        let prepared = context.archetypes[context.archetypeTable.sample(&random)]

        // Career stage first, then a career length that fits it.
        let rank = min(prepared.highestRank, max(prepared.lowestRank, tables.seniority.sample(&random)))
        let careerRange = DemoSummaries.careerYears[rank]
        let career = random.int(careerRange)

        let (name, first, second) = self.name(in: region, &random)
        let email = Text.join(first, ".", second, ".", idText, "@example.com")

        var phone: String?
        if let prefix = city.phonePrefix, random.percent(65) {
            phone = Text.join(prefix, profile.phoneDigits == 2 ? tables.twoDigits[random.below(100)] : tables.threeDigits[random.below(1000)])
        }
        var links: [String] = []
        if random.percent(45) { links.append(Text.join("https://linkedin.example.com/in/", first, "-", second, "-", idText)) }
        if prepared.practice != .delivery && random.percent(30) { links.append(Text.join("https://github.example.com/", first, second, idText)) }

        let skills = self.skills(prepared, rank: rank, career: career, year: today.year, &random)
        var learning = -1
        let interests = self.interests(prepared, learning: &learning, &random)
        let goals = self.goals(prepared, profile: profile, regionIndex: regionIndex, rank: rank, &random)

        let experience = random.below(prepared.experience.count)
        let closing = learning >= 0 && random.percent(40)
            ? DemoSummaries.closings.count + learning
            : random.below(DemoSummaries.closings.count)
        let summary = prepared.summaries[rank][((career - careerRange.lowerBound) * prepared.experience.count + experience) * prepared.closingCount + closing]

        let createdSeconds = context.midnight - Double(random.below(3 * 365 * 86_400))
        let createdAt = Date(timeIntervalSince1970: createdSeconds)
        let updatedAt = Date(timeIntervalSince1970: createdSeconds + Double(random.below(Int(context.midnight - createdSeconds) + 1)))
        let practice = prepared.practice

        let candidateProfile = CandidateProfile(
            name: name, email: email, phone: phone, links: links, location: city.location, timeZone: city.timeZone,
            region: region, remotePreference: tables.remote[regionIndex].sample(&random), openToRelocation: random.percent(18),
            workAuthorisations: workAuthorisations(regionIndex, &random), headline: random.pick(prepared.headlines[rank]),
            summary: summary, skills: skills, goals: goals, interests: interests, availability: availability(&random),
            contactPreferences: contactPreferences(&random), consents: consents(region, createdSeconds, &random),
            ownerID: random.pick(context.owners[practice.rawValue - 1][regionIndex]), homePracticeID: practice.id,
            source: source(index: index, &random)
        )
        return Candidate(id: CandidateID(id), version: 1, createdAt: createdAt, updatedAt: updatedAt, profile: candidateProfile)
    }

    /// The display name and the two ASCII parts of the mailbox. Hong Kong names come in the three forms people
    /// there use: Cantonese order ("Chan Tai Man"), English first name ("Kelvin Wong") or both ("Kelvin Wong Ka Ho").
    private func name(in region: Region, _ random: inout DemoRandom) -> (String, String, String) {
        switch region {
        case .us: return westernName(DemoNames.usGiven, DemoNames.usFamily, 0, &random)
        case .uk: return westernName(DemoNames.ukGiven, DemoNames.ukFamily, 1, &random)
        case .nz: return westernName(DemoNames.nzGiven, DemoNames.nzFamily, 2, &random)
        case .hk:
            let family = random.pick(DemoNames.hkFamily)
            let style = random.below(100)
            if style < 45 {
                let given = random.pick(DemoNames.hkGiven)
                return (Text.join(family.text, " ", given.text), family.slug, given.slug)
            }
            if style < 85 { return westernName(DemoNames.hkEnglish, DemoNames.hkFamily, 3, &random) }
            let english = random.pick(DemoNames.hkEnglish)
            let given = random.pick(DemoNames.hkGiven)
            return (Text.join(english.text, " ", family.text, " ", given.text), english.slug, family.slug)
        }
    }

    private func westernName(_ given: [NamePart], _ family: [NamePart], _ regionIndex: Int, _ random: inout DemoRandom) -> (String, String, String) {
        let first = random.below(given.count)
        let last = random.below(family.count)
        return (context.candidateTables.fullNames[regionIndex][first * family.count + last], given[first].slug, family[last].slug)
    }

    /// All of the archetype's core skills, a share of its stack, and a general skill or two; rarely one stray.
    /// Skills from other desks are only added while the home desk keeps a clear majority, so the candidate
    /// routes to the practice their archetype belongs to.
    private func skills(_ prepared: PreparedArchetype, rank: Int, career: Int, year: Int, _ random: inout DemoRandom) -> [CandidateSkill] {
        let tables = context.candidateTables
        let target = switch rank {
        case 0: random.int(5...9)
        case 1: random.int(7...13)
        case 2: random.int(9...16)
        default: random.int(10...20)
        }
        var seen = SkillBits()
        var result: [CandidateSkill] = []
        result.reserveCapacity(target + 3)
        let coreLevel = rank == 0 ? 2 : (rank == 1 ? 3 : 4)
        let core = prepared.core
        let stack = prepared.stack
        let homeStackCount = prepared.homeStackCount
        for id in core where seen.insert(id) {
            let halfYears = random.int(career...(career * 2))
            result.append(CandidateSkill(
                skillID: id, level: min(5, coreLevel + random.int(0...1)), years: Double(halfYears) * 0.5,
                lastUsed: random.percent(88) ? year : year - 1, wantsToGrow: random.percent(10)
            ))
        }
        var home = prepared.homeCoreCount
        var other = result.count - home
        // Draw from the stack without replacement: home-desk skills from the front of a pool of positions,
        // others from the back, so no draw is wasted on a skill already taken.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: stack.count) { pool in
            for position in 0..<stack.count { pool[position] = position }
            var homeLeft = homeStackCount
            var otherLeft = stack.count - homeStackCount
            while result.count < target && homeLeft + otherLeft > 0 {
                // Seven draws in ten come from the home desk's part of the stack.
                if homeLeft > 0 && (otherLeft == 0 || random.percent(70)) {
                    let slot = random.below(homeLeft)
                    let position = pool[slot]
                    homeLeft -= 1
                    pool[slot] = pool[homeLeft]
                    guard seen.insert(stack[position]) else { continue }
                    home += 1
                    result.append(secondary(stack[position], coreLevel: coreLevel, career: career, year: year, &random))
                } else {
                    guard home > other + 1 else {
                        if homeLeft == 0 { break }
                        continue
                    }
                    let slot = homeStackCount + random.below(otherLeft)
                    let position = pool[slot]
                    otherLeft -= 1
                    pool[slot] = pool[homeStackCount + otherLeft]
                    guard seen.insert(stack[position]) else { continue }
                    other += 1
                    result.append(secondary(stack[position], coreLevel: coreLevel, career: career, year: year, &random))
                }
            }
        }
        // A general skill or two, and now and then a stray from anywhere in the taxonomy.
        let extras = random.int(0...2)
        for extra in 0...extras {
            let stray = extra == extras
            if stray && !random.percent(8) { break }
            let id = stray ? SkillID(Int64(1 + random.below(tables.skillCount))) : tables.general[random.below(tables.general.count)]
            let desk = tables.skillPractice[Int(id.rawValue) - 1]
            let isHome = desk == 0 || desk == prepared.practice.rawValue
            guard isHome || home > other + 1, seen.insert(id) else { continue }
            if isHome { home += 1 } else { other += 1 }
            result.append(secondary(id, coreLevel: stray ? 2 : coreLevel, career: career, year: year, &random))
        }
        return result
    }

    private func secondary(_ id: SkillID, coreLevel: Int, career: Int, year: Int, _ random: inout DemoRandom) -> CandidateSkill {
        let halfYears = random.int(1...max(1, career * 3 / 2))
        return CandidateSkill(
            skillID: id, level: random.int(1...min(4, coreLevel)), years: Double(halfYears) * 0.5,
            lastUsed: year - random.int(0...min(3, career)), wantsToGrow: random.percent(15)
        )
    }

    /// `learning` is set to the growth index of the first skill to learn, so the summary can mention it.
    private func interests(_ prepared: PreparedArchetype, learning: inout Int, _ random: inout DemoRandom) -> Interests {
        var learn: [SkillID] = []
        if random.percent(80) {
            let first = random.below(prepared.growth.count)
            learning = first
            learn.append(prepared.growth[first])
            if prepared.growth.count > 1 && random.percent(40) {
                learn.append(prepared.growth[(first + 1 + random.below(prepared.growth.count - 1)) % prepared.growth.count])
            }
        }
        var domains: [String] = []
        let domainCount = random.below(3)
        if domainCount > 0 {
            let all = DemoClients.interestDomains
            let first = random.below(all.count)
            domains.append(all[first])
            if domainCount > 1 { domains.append(all[(first + 1 + random.below(all.count - 1)) % all.count]) }
        }
        return Interests(skillsToLearn: learn, domains: domains)
    }

    private func goals(_ prepared: PreparedArchetype, profile: RegionProfile, regionIndex: Int, rank: Int, _ random: inout DemoRandom) -> CareerGoals {
        let tables = context.candidateTables
        let types = tables.employmentChoices[tables.employment[regionIndex].sample(&random)]
        var minimumPay: Money?
        if random.percent(85) {
            // The unit follows the first (preferred) employment type: a salary for permanent, a rate otherwise.
            let yearly = types[0] == .permanent
            let band = yearly ? profile.salary : profile.rate
            let step = yearly ? profile.salaryStep : profile.rateStep
            let amount = band.lowerBound * CareerStage.payPercent[rank] * prepared.payPercent * Int64(random.int(85...105)) / 1_000_000
            minimumPay = Money(major: PayMath.round(amount, step: step), profile.region.currency, per: yearly ? .year : profile.rateUnit)
        }
        var wanted: [String] = []
        var avoided: [String] = []
        if random.percent(45) {
            wanted.append(random.pick(tables.wantedIndustries))
            if random.percent(35) {
                let another = random.pick(tables.wantedIndustries)
                if another != wanted[0] { wanted.append(another) }
            }
        }
        if random.percent(20) {
            let industry = random.pick(tables.avoidedIndustries)
            if !wanted.contains(industry) { avoided.append(industry) }
        }
        var clientsAvoided: [ClientID] = []
        if random.percent(8) {
            clientsAvoided.append(ClientID(Int64(1 + random.below(context.clientCount))))
        }
        return CareerGoals(
            targetRoles: random.pick(prepared.targetRoles),
            seniority: CareerStage.all[random.percent(30) ? min(4, rank + 1) : rank],
            employmentTypes: types, minimumPay: minimumPay, industriesWanted: wanted, industriesAvoided: avoided,
            clientsAvoided: clientsAvoided,
            earliestStart: random.percent(30) ? context.today.adding(days: random.int(14...120)) : nil
        )
    }

    private func workAuthorisations(_ regionIndex: Int, _ random: inout DemoRandom) -> [WorkAuthorisation] {
        let tables = context.candidateTables
        let roll = random.below(100)
        var result = roll < 60 ? tables.citizen[regionIndex]
            : roll < 80 ? tables.resident[regionIndex]
            : roll < 95 ? [WorkAuthorisation(region: DemoContext.regionOrder[regionIndex], status: .visa, expires: context.today.adding(days: random.int(120...1_000)))]
            : tables.sponsorship[regionIndex]
        // Some people hold a second passport, most often within the Commonwealth.
        if random.percent(6) {
            let other = (regionIndex + 1 + random.below(3)) % 4
            result.append(WorkAuthorisation(region: DemoContext.regionOrder[other], status: .citizen))
        }
        return result
    }

    private func availability(_ random: inout DemoRandom) -> Availability {
        let roll = random.below(100)
        if roll < 25 { return Availability(status: .active) }
        if roll < 75 { return Availability(status: .passive) }
        let until = context.today.adding(days: random.int(14...270))
        return Availability(status: roll < 85 ? .notLooking : .onAssignment, until: until)
    }

    private func contactPreferences(_ random: inout DemoRandom) -> ContactPreferences {
        let tables = context.candidateTables
        let channels = tables.channels[random.below(tables.channels.count)]
        let roll = random.below(100)
        let pitches = roll < 75 ? 4 : roll < 87 ? 2 : roll < 92 ? 1 : (roll < 97 ? 6 : 8)
        return ContactPreferences(
            channels: channels, maxJobPitchesPer30Days: pitches,
            quietHours: random.percent(80) ? QuietHours() : tables.lateQuietHours, doNotContact: random.percent(2)
        )
    }

    /// Everyone has a data-processing record; Hong Kong's PDPO needs explicit consent for direct marketing,
    /// so most Hong Kong candidates have one, and some elsewhere have opted in too.
    private func consents(_ region: Region, _ createdSeconds: Double, _ random: inout DemoRandom) -> [ConsentRecord] {
        let tables = context.candidateTables
        let basis: LegalBasis = switch region {
        case .uk: random.percent(70) ? .legitimateInterests : .consent
        case .us: .legitimateInterests
        case .nz, .hk: .consent
        }
        let recorded = Date(timeIntervalSince1970: createdSeconds + Double(random.below(600)))
        var result = [ConsentRecord(purpose: .dataProcessing, recordedAt: recorded, method: random.pick(tables.consentMethods), legalBasis: basis)]
        if random.percent(region == .hk ? 85 : 35) {
            var marketing = ConsentRecord(purpose: .directMarketing, recordedAt: recorded, method: "web form", legalBasis: .consent)
            if random.percent(3) {
                marketing.withdrawnAt = Date(timeIntervalSince1970: createdSeconds + Double(random.below(Int(context.midnight - createdSeconds) + 1)))
            }
            result.append(marketing)
        }
        if random.percent(25) {
            result.append(ConsentRecord(purpose: .shareWithClients, recordedAt: recorded, method: "e-mail reply", legalBasis: .consent))
        }
        return result
    }

    /// A referrer always has a smaller id, so loading in id order never meets an unknown referrer.
    private func source(index: Int, _ random: inout DemoRandom) -> CandidateSource {
        let roll = random.below(100)
        if roll < 15 && index > 0 { return CandidateSource(kind: .referral, referrerID: CandidateID(Int64(1 + random.below(index)))) }
        return CandidateSource(kind: roll < 70 ? .sourced : .inbound)
    }
}
