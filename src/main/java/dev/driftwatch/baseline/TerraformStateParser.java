package dev.driftwatch.baseline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a Terraform state (format version 4, written by Terraform 0.12 and later and by OpenTofu) straight
 * from its JSON, without provider schemas. Resources are read one at a time from the stream, unknown keys
 * are ignored, data sources are skipped.
 */
public class TerraformStateParser {

    static final int SUPPORTED_VERSION = 4;

    private final ObjectMapper mapper;

    public TerraformStateParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads a state, with {@code locations} placing its resources, unless {@code unchanged} recognises its
     * serial and lineage (Terraform writes both before {@code resources}): then reading stops there and
     * {@link ParsedState#unchanged()} is true.
     */
    public ParsedState parse(
            String source, InputStream in, StateResourceMapper locations, Predicate<StateHeader> unchanged)
            throws StateFileException {
        try (JsonParser parser = mapper.createParser(in)) {
            return readState(source, parser, locations, unchanged);
        } catch (TruncatedDownloadException e) {
            throw new StateFileException(source, "truncated: " + e.getMessage());
        } catch (JsonEOFException e) {
            throw truncated(source, e.getLocation());
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                throw truncated(source, e.getLocation());
            }
            throw new StateFileException(
                    source, "invalid JSON at " + where(e.getLocation()) + ": " + withoutQuotedText(e));
        } catch (IOException e) {
            throw new StateFileException(source, "cannot be read: " + e.getMessage());
        }
    }

    private ParsedState readState(
            String source, JsonParser parser, StateResourceMapper locations, Predicate<StateHeader> unchanged)
            throws IOException, StateFileException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new StateFileException(
                    source,
                    parser.currentToken() == null
                            ? "empty file, not a Terraform state"
                            : "not a Terraform state: expected a JSON object at " + where(parser.currentLocation()));
        }
        Integer version = null;
        Long serial = null;
        String lineage = null;
        boolean headerChecked = false;
        List<StateResourceMapper.StateInstance> resources = new ArrayList<>();
        StateValues values = new StateValues();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("version".equals(field)) {
                version = parser.getValueAsInt(-1);
                requireSupported(source, version);
            } else if ("serial".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                serial = parser.getLongValue();
            } else if ("lineage".equals(field) && value == JsonToken.VALUE_STRING) {
                lineage = parser.getText();
            } else if ("resources".equals(field) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode resource = parser.readValueAsTree();
                    resources.addAll(locations.instances(source, resource, values));
                }
            } else {
                parser.skipChildren();
            }
            if (!headerChecked && version != null && serial != null && lineage != null) {
                headerChecked = true;
                if (unchanged.test(new StateHeader(serial, lineage))) {
                    return ParsedState.unchanged(new StateHeader(serial, lineage));
                }
            }
        }
        if (parser.currentToken() == null) {
            throw truncated(source, parser.currentLocation());
        }
        if (version == null) {
            throw new StateFileException(source, "not a Terraform state: no \"version\" field");
        }
        StateHeader header = serial == null || lineage == null ? null : new StateHeader(serial, lineage);
        return new ParsedState(header, false, locations.settle(source, resources));
    }

    /** A partial download or an interrupted write: the JSON stops before the state does. */
    /**
     * Jackson quotes the text it could not read ("Unrecognized token 'hunter2'"): in a state that text can
     * be a secret, and the message goes to logs and API answers.
     */
    private static String withoutQuotedText(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage())
                .replaceAll("'[^']*'", "'…'")
                .replaceAll("\"[^\"]*\"", "\"…\"");
    }

    private static StateFileException truncated(String source, JsonLocation location) {
        return new StateFileException(source, "truncated: the JSON ends early (line " + location.getLineNr() + ")");
    }

    private static void requireSupported(String source, int version) throws StateFileException {
        if (version != SUPPORTED_VERSION) {
            throw new StateFileException(
                    source,
                    "unsupported state format version " + version
                            + "; driftwatch reads version 4 (Terraform 0.12 or later, OpenTofu). Run `terraform init` and"
                            + " `terraform apply` with a current Terraform to upgrade the state");
        }
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
