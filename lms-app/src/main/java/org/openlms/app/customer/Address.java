package org.openlms.app.customer;

/** A postal address; {@code state} and {@code country} are LoanPro codes ({@code geo.state.CO}, {@code company.country.usa}). */
public record Address(Long id, String address1, String address2, String city, String state, String zipcode,
    String country) {

  public static final Address EMPTY = new Address(null, null, null, null, null, null, null);
}
