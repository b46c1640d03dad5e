package org.energycommons.workbench.jobs;

import java.util.List;
import org.energycommons.workbench.datasets.ingest.Connectors;
import org.energycommons.workbench.datasets.ingest.SilverMapping;
import org.energycommons.workbench.datasets.ingest.SilverMappings;
import org.energycommons.workbench.datasets.ingest.SourceConnector;
import org.energycommons.workbench.datasets.ingest.SourceDescription;

/**
 * The reference of every source and the silver table it feeds, as Markdown, generated from the connectors
 * themselves ({@code workbench list sources --markdown}); {@code datasets/README.md} embeds it and a test keeps
 * the two in step.
 */
public final class SourceDocs {

    private SourceDocs() {
    }

    /** The Markdown reference of all sources. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        for (SourceConnector c : Connectors.all()) {
            SourceDescription d = c.description();
            SilverMapping silver = SilverMappings.of(c.name());
            md.append("### `").append(c.name()).append("`: ").append(d.title()).append("\n\n");
            md.append("- producer: ").append(d.producer()).append("; licence: `").append(d.licence()).append("`; ")
                    .append(d.url()).append('\n');
            md.append("- format: ").append(d.format()).append('\n');
            md.append("- bronze: `bronze/").append(c.name().replace('-', '_')).append("`, key ")
                    .append(code(c.key())).append("; rejects: `_rejects/").append(c.name().replace('-', '_'))
                    .append("`\n");
            md.append("- silver: `").append(silver.table()).append("`, key ").append(code(silver.key()))
                    .append(d.personalData() ? "; identifiers pseudonymised (HMAC-SHA256)" : "").append("\n\n");
            md.append("| column | type | unit | description |\n|---|---|---|---|\n");
            for (SourceDescription.Column col : d.columns()) {
                md.append("| `").append(col.name()).append("` | ").append(col.type()).append(" | ")
                        .append(col.unit().isEmpty() ? "" : col.unit()).append(" | ")
                        .append(col.description().replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String code(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
