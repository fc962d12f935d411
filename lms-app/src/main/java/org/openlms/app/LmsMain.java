package org.openlms.app;

public final class LmsMain {
  public static void main(String[] args) {
    System.out.println("lms");
  }
}
