import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportMatch

/// The skill taxonomy: read by everyone, extended by admins; free text normalised and skills extracted through it.
enum SkillRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, records: FirmRecords, matching: MatchService) {
        group.get("skills") { request, _ in
            let page = try request.pageRequest()
            let all = try await records.store.allSkills()
            let skills = all.filter { $0.id.rawValue > page.after ?? 0 }
            let shown = skills.prefix(page.limit).map(SkillDocument.init)
            return ListDocument(Page(items: Array(shown), total: all.count,
                                     nextAfter: skills.count > page.limit ? shown.last?.id?.rawValue : nil))
        }
        group.get("skills/unresolved") { request, _ in
            let limit = try request.count(SkillParameters.unresolvedLimit)
            let unresolved = try await records.store.unresolvedSkills(limit: limit)
            return UnresolvedListDocument(items: unresolved.map(UnresolvedListDocument.Item.init))
        }
        group.get("skills/{id}") { _, context in
            SkillDocument(try await records.store.skill(SkillID(try context.id())))
        }
        group.post("skills") { request, context in
            try context.requireAdmin("add skills")
            let document = try await RequestBody.decode(SkillDocument.self, from: request, schema: SkillDocument.schema)
            let skill = try await records.createSkill(document.draft)
            return EditedResponse(status: .created, response: SkillDocument(skill))
        }
        group.post("skills/{id}/links") { request, context in
            try context.requireAdmin("change the taxonomy")
            let id = SkillID(try context.id())
            let links = try await RequestBody.decode(SkillLinksDocument.self, from: request, schema: SkillLinksDocument.schema)
            let skill = try await records.extendSkill(id, aliases: links.aliases ?? [], implies: links.implies ?? [],
                                                      related: links.related ?? [])
            return SkillDocument(skill)
        }
        group.get("taxonomy") { _, _ in
            let state = try await records.store.taxonomyState()
            let skills = try await records.store.allSkills()
            return TaxonomyDocument(state: state, skills: skills)
        }
        group.post("skills/normalize") { request, _ in
            let body = try await RequestBody.decode(NormalizeRequest.self, from: request, schema: NormalizeRequest.schema)
            let tools = matching.textTools
            var unresolved: [(key: String, example: String)] = []
            let results = try body.texts.enumerated().map { index, text in
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else {
                    throw APIError.unprocessable([ValidationIssue(field: "texts[\(index)]", message: "must not be empty")])
                }
                let result = NormalizeResult(text: text, resolution: tools.normalizer.normalize(trimmed), taxonomy: tools.taxonomy)
                if let key = result.unresolvedKey {
                    unresolved.append((key, trimmed))
                }
                return result
            }
            if body.record ?? true {
                try await records.store.recordUnresolvedSkills(unresolved, at: records.now())
            }
            return NormalizeDocument(taxonomyVersion: tools.taxonomy.version, results: results, unresolved: unresolved.count)
        }
        group.post("skills/extract") { request, _ in
            let body = try await RequestBody.decode(ExtractRequest.self, from: request, schema: ExtractRequest.schema)
            let tools = matching.textTools
            let found = tools.extractor.extract(from: body.text)
            return ExtractDocument(taxonomyVersion: tools.taxonomy.version, found: found, taxonomy: tools.taxonomy)
        }
    }
}
