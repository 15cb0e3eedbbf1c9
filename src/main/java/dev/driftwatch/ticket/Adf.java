package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Text as an Atlassian Document Format document
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/), which Jira Cloud's v3 API wants
 * for descriptions and comments: a paragraph per blank-line-separated block, its lines joined by hard breaks.
 * driftwatch's Markdown stays readable as it is; ADF has no empty text nodes, so empty lines are left out.
 */
final class Adf {

    private Adf() {}

    static ObjectNode document(ObjectMapper json, String text) {
        ObjectNode doc = json.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String block : text.split("\n\\s*\n")) {
            if (block.isBlank()) {
                continue;
            }
            ArrayNode inline = content.addObject().put("type", "paragraph").putArray("content");
            String[] lines = block.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    inline.addObject().put("type", "hardBreak");
                }
                if (!lines[i].isEmpty()) {
                    inline.addObject().put("type", "text").put("text", lines[i]);
                }
            }
        }
        return doc;
    }
}
