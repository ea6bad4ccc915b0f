package org.ordersystem.console;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ordersystem.order.ItemDetails;
import org.ordersystem.order.OrderCsv;
import org.ordersystem.order.OrderExport;
import org.ordersystem.order.OrderFilter;
import org.ordersystem.order.OrderQuery;
import org.ordersystem.order.OrderService;
import org.ordersystem.order.OrderSnapshot;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.order.PlaceOrder;
import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.user.CurrentUser;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The order pages: the caller's orders (every order for an administrator) with filters,
 * search, sort and paging, their export, a new order, and one order with its lines, notes,
 * status changes and history. Every change names the version the page showed, so a change
 * made meanwhile by someone else is reported, never overwritten.
 */
@Controller
@RequestMapping("/ui/orders")
class OrderPages {

    static final int PAGE_SIZE = 20;
    static final int NEW_ORDER_LINES = 5;
    private static final Map<String, Sort> SORTS = sorts();
    /**
     * Orders placed per form (its key), per session: a second submit or a reload shows the first.
     * The session is shared by the replicas; two submits of one form at the same moment to two
     * replicas could still place two (the page's script sends a form once).
     */
    private static final String PLACED = OrderPages.class.getName() + ".PLACED";

    private final OrderService orders;
    private final OrderExport export;

    OrderPages(OrderService orders, OrderExport export) {
        this.orders = orders;
        this.export = export;
    }

    /** The list's filters, as the form sends them (all optional); a mutable form bean, so a bad value is shown back. */
    public static class Filters {

        private Set<OrderStatus> status;
        private LocalDate from;
        private LocalDate to;
        private String q;
        private BigDecimal min;
        private BigDecimal max;
        private Long user;
        private Integer page;
        private String sort;

        public int pageNumber() {
            return page == null || page < 0 ? 0 : page;
        }

        public String sortKey() {
            return sort != null && SORTS.containsKey(sort) ? sort : "newest";
        }

        // @formatter:off
        public Set<OrderStatus> getStatus() { return status; }
        public void setStatus(Set<OrderStatus> status) { this.status = status; }
        public LocalDate getFrom() { return from; }
        public void setFrom(LocalDate from) { this.from = from; }
        public LocalDate getTo() { return to; }
        public void setTo(LocalDate to) { this.to = to; }
        public String getQ() { return q; }
        public void setQ(String q) { this.q = q; }
        public BigDecimal getMin() { return min; }
        public void setMin(BigDecimal min) { this.min = min; }
        public BigDecimal getMax() { return max; }
        public void setMax(BigDecimal max) { this.max = max; }
        public Long getUser() { return user; }
        public void setUser(Long user) { this.user = user; }
        public Integer getPage() { return page; }
        public void setPage(Integer page) { this.page = page; }
        public String getSort() { return sort; }
        public void setSort(String sort) { this.sort = sort; }
        // @formatter:on
    }

    /** One line of an order form; all blank means no line. The contract's ItemIn rules, as the API's. */
    public static class LineForm {

        @Size(max = 200)
        private String name;
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may hold only letters, digits, '.', '_' and '-'")
        private String sku;
        @Min(1)
        @Max(10000)
        private Integer quantity;
        @DecimalMin("0")
        @DecimalMax("1000000")
        @Digits(integer = 7, fraction = 2)
        private BigDecimal unitPrice;

        boolean blank() {
            return (name == null || name.isBlank()) && (sku == null || sku.isBlank()) && quantity == null
                    && unitPrice == null;
        }

        boolean complete() {
            return name != null && !name.isBlank() && quantity != null && unitPrice != null;
        }

        ItemDetails details() {
            return new ItemDetails(name.strip(), sku == null || sku.isBlank() ? null : sku.strip(), quantity,
                    unitPrice.setScale(2));
        }

        // @formatter:off
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getSku() { return sku; }
        public void setSku(String sku) { this.sku = sku; }
        public Integer getQuantity() { return quantity; }
        public void setQuantity(Integer quantity) { this.quantity = quantity; }
        public BigDecimal getUnitPrice() { return unitPrice; }
        public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
        // @formatter:on
    }

    /** The new-order form: its key (one order per form), lines, notes and currency. */
    public static class OrderForm {

        private String key;
        @Valid
        private List<LineForm> lines = new ArrayList<>();
        @Size(max = 2000)
        private String notes;
        @Pattern(regexp = "([A-Z]{3})?", message = "must be an ISO-4217 code such as USD")
        private String currency;

        // @formatter:off
        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public List<LineForm> getLines() { return lines; }
        public void setLines(List<LineForm> lines) { this.lines = lines; }
        public String getNotes() { return notes; }
        public void setNotes(String notes) { this.notes = notes; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
        // @formatter:on
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser caller, @ModelAttribute("filters") Filters filters,
            BindingResult binding, Model model) {
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("sorts", SORTS.keySet());
        if (binding.hasErrors()) {
            model.addAttribute("error", "Some filters are not valid: " + fields(binding) + ".");
            return "console/orders";
        }
        try {
            Page<OrderSnapshot> page = orders.list(caller, new OrderQuery(filter(caller, filters), filters.pageNumber(),
                    PAGE_SIZE, SORTS.get(filters.sortKey())));
            model.addAttribute("page", page);
            model.addAttribute("pageTotal", page.getContent().stream().map(OrderSnapshot::total)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        catch (ApiException ex) {
            model.addAttribute("error", ex.detail());
        }
        return "console/orders";
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser caller, @ModelAttribute("filters") Filters filters,
            BindingResult binding, @RequestParam(defaultValue = "false") boolean lines, HttpServletResponse response)
            throws IOException {
        if (binding.hasErrors()) {
            throw new ApiException(CommonErrorCode.VALIDATION_FAILED, "Some filters are not valid: " + fields(binding));
        }
        OrderCsv.write(export, caller, filter(caller, filters), SORTS.get(filters.sortKey()), lines, response);
    }

    @GetMapping("/new")
    String newOrder(Model model) {
        OrderForm form = new OrderForm();
        form.setKey(UUID.randomUUID().toString());
        for (int i = 0; i < NEW_ORDER_LINES; i++) {
            form.getLines().add(new LineForm());
        }
        model.addAttribute("form", form);
        return "console/order-new";
    }

    @PostMapping
    String place(@AuthenticationPrincipal CurrentUser caller, @Valid @ModelAttribute("form") OrderForm form,
            BindingResult binding, HttpSession session) {
        List<LineForm> lines = form.getLines() == null ? List.of() : form.getLines();
        for (int i = 0; i < lines.size(); i++) {
            LineForm line = lines.get(i);
            if (line != null && !line.blank() && !line.complete() && !binding.hasFieldErrors("lines[" + i + "]*")) {
                binding.rejectValue("lines[" + i + "]", "incomplete", "needs a name, a quantity and a price");
            }
        }
        if (binding.hasErrors()) {
            return "console/order-new";
        }
        ConcurrentMap<String, Long> placed = placedOrders(session);
        String key = form.getKey() == null || form.getKey().isBlank() ? UUID.randomUUID().toString() : form.getKey();
        // the first submit of a form places the order; a second one (double click, reload) waits for it and shows it
        long id = placed.computeIfAbsent(key, unused -> orders.place(caller, new PlaceOrder(
                lines.stream().filter(line -> line != null && !line.blank()).map(LineForm::details).toList(),
                form.getNotes() == null || form.getNotes().isBlank() ? null : form.getNotes().strip(),
                form.getCurrency() == null || form.getCurrency().isBlank() ? null : form.getCurrency(), null)).id());
        // set again: the session store saves what is set, not what is changed inside it
        session.setAttribute(PLACED, placed);
        return "redirect:/ui/orders/" + id;
    }

    @GetMapping("/{id}")
    String order(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id, Model model) {
        OrderSnapshot order = orders.get(caller, id);
        model.addAttribute("order", order);
        model.addAttribute("transitions", order.allowedTransitions(caller.admin()));
        model.addAttribute("history", orders.history(caller, id));
        model.addAttribute("itemsModifiable", order.status() == OrderStatus.PENDING);
        return "console/order";
    }

    @PostMapping("/{id}/notes")
    String notes(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String notes, RedirectAttributes flash) {
        return change(id, flash, "Notes saved.", () -> orders.changeNotes(caller, id, version,
                notes.isBlank() ? null : notes.strip()));
    }

    @PostMapping("/{id}/status")
    String status(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id, @RequestParam long version,
            @RequestParam OrderStatus status, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        return change(id, flash, "Order " + status.name().toLowerCase() + ".", () -> orders.changeStatus(caller, id,
                version, status, reason.isBlank() ? null : reason.strip()));
    }

    @PostMapping("/{id}/items")
    String addItem(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id, @RequestParam long version,
            @Valid @ModelAttribute("line") LineForm line, BindingResult binding, RedirectAttributes flash) {
        if (binding.hasErrors() || !line.complete()) {
            flash.addFlashAttribute("error", "The line needs a name, a quantity (1-10000) and a price (0-1000000, "
                    + "two decimals)" + (binding.hasErrors() ? ": " + fields(binding) : "") + ".");
            return "redirect:/ui/orders/" + id;
        }
        return change(id, flash, "Line added.", () -> orders.addItem(caller, id, version, line.details()));
    }

    @PostMapping("/{id}/items/{itemId}/remove")
    String removeItem(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id, @PathVariable long itemId,
            @RequestParam long version, RedirectAttributes flash) {
        return change(id, flash, "Line removed.", () -> orders.removeItem(caller, id, itemId, version));
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id, @RequestParam long version,
            RedirectAttributes flash) {
        return ConsoleAction.run(flash, "Order deleted.", () -> orders.delete(caller, id, version))
                ? "redirect:/ui/orders" : "redirect:/ui/orders/" + id;
    }

    /** A change of the order, then back to it. */
    private static String change(long id, RedirectAttributes flash, String done, Runnable action) {
        ConsoleAction.run(flash, done, action);
        return "redirect:/ui/orders/" + id;
    }

    private static OrderFilter filter(CurrentUser caller, Filters filters) {
        return OrderFilter.of(filters.getStatus(),
                filters.getFrom() == null ? null : filters.getFrom().atStartOfDay(ZoneOffset.UTC).toInstant(),
                filters.getTo() == null ? null : filters.getTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                filters.getMin(), filters.getMax(), filters.getQ(), caller.admin() ? filters.getUser() : null);
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentMap<String, Long> placedOrders(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Object placed = session.getAttribute(PLACED);
            if (placed == null) {
                placed = new ConcurrentHashMap<String, Long>();
                session.setAttribute(PLACED, placed);
            }
            return (ConcurrentMap<String, Long>) placed;
        }
    }

    private static String fields(BindingResult binding) {
        return String.join(", ", binding.getFieldErrors().stream().map(error -> error.getField()).distinct().toList());
    }

    private static Map<String, Sort> sorts() {
        Map<String, Sort> sorts = new LinkedHashMap<>();
        sorts.put("newest", Sort.by(Sort.Direction.DESC, "createdAt"));
        sorts.put("oldest", Sort.by(Sort.Direction.ASC, "createdAt"));
        sorts.put("total-desc", Sort.by(Sort.Direction.DESC, "total"));
        sorts.put("total-asc", Sort.by(Sort.Direction.ASC, "total"));
        sorts.put("updated", Sort.by(Sort.Direction.DESC, "updatedAt"));
        return sorts;
    }
}
