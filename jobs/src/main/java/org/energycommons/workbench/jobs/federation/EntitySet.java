package org.energycommons.workbench.jobs.federation;

import java.util.List;
import org.energycommons.workbench.datasets.lake.TableId;

/**
 * Entities of one type that a use case (or the region's shared tables) exports, with the tables they come from.
 *
 * @param model the type's model
 * @param source what they were made from ({@code uc4}, {@code region})
 * @param tables the lake tables read
 * @param entities the entities, each of the model's type
 */
public record EntitySet(EntityModel model, String source, List<TableId> tables, List<NgsiEntity> entities) {

    public EntitySet {
        tables = List.copyOf(tables);
        entities = List.copyOf(entities);
    }
}
