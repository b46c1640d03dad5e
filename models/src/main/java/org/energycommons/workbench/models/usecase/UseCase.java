package org.energycommons.workbench.models.usecase;

import java.util.List;
import java.util.Objects;

/**
 * One of the six regional energy use cases: its question, kind and declared success criteria.
 *
 * @param id short id, {@code uc1}..{@code uc6}
 * @param title title in French, the reports' first language
 * @param titleEn title in English
 * @param question the question it answers, in French
 * @param questionEn the question it answers, in English
 * @param kind descriptive, preventive, predictive, or a combination
 * @param criteria success criteria, checked on every run
 * @param implemented whether this version of the workbench runs it
 */
public record UseCase(String id, String title, String titleEn, String question, String questionEn, String kind,
                      List<Criterion> criteria, boolean implemented) {

    public UseCase {
        Objects.requireNonNull(id, "id");
        criteria = List.copyOf(criteria);
    }
}
