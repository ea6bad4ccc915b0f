package org.ordersystem.system.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** The contract's page: {@code {content: [...], page: {number, size, total_elements, total_pages}}}. */
public record PageResponse<T>(List<T> content, Metadata page) {

    public record Metadata(int number, int size, long totalElements, int totalPages) {
    }

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
                new Metadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
